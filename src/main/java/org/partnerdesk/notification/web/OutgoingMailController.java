package org.partnerdesk.notification.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.notification.KeptMail;
import org.partnerdesk.notification.OutgoingMails;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/outgoing_mails} (issue #12): the mail kept while no mail server is set; admins only. */
@RestController
@RequestMapping("/api/v2/outgoing_mails")
class OutgoingMailController {

    private final OutgoingMails mails;

    OutgoingMailController(OutgoingMails mails) {
        this.mails = mails;
    }

    @GetMapping
    OutgoingMailPage list(Actor actor, HttpServletRequest request) {
        return mails.page(actor, PageRequest.from(request)).body(OutgoingMailJson::of, request, OutgoingMailPage::new);
    }

    @GetMapping("/{id}")
    OutgoingMailResponse show(Actor actor, @PathVariable long id) {
        return new OutgoingMailResponse(OutgoingMailJson.of(mails.find(actor, id)));
    }

    /** The .eml file, for a mail client. */
    @GetMapping("/{id}/eml")
    ResponseEntity<byte[]> eml(Actor actor, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header("Content-Disposition", "attachment; filename=\"outgoing-mail-" + id + ".eml\"")
                .body(mails.eml(actor, id));
    }

    record OutgoingMailJson(long id, String url, String emlUrl, String messageId, String from, List<String> to, List<String> cc,
                            String subject, String body, Instant createdAt) {
        static OutgoingMailJson of(KeptMail mail) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/outgoing_mails/{id}")
                    .buildAndExpand(mail.id()).toUriString();
            return new OutgoingMailJson(mail.id(), url, url + "/eml", mail.messageId(), mail.from(), mail.to(), mail.cc(),
                    mail.subject(), mail.body(), mail.createdAt());
        }
    }

    /** The root object of one outgoing mail (API-1). */
    record OutgoingMailResponse(OutgoingMailJson outgoingMail) {
    }

    /** One cursor page of outgoing mails (API-1). */
    record OutgoingMailPage(List<OutgoingMailJson> outgoingMails, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
