package org.partnerdesk.partnerops.nfr.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.Certification;
import org.partnerdesk.partnerops.CertificationKind;
import org.partnerdesk.partnerops.Certifications;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/certifications} (PO-3): the certification register; Partner Operations write, partners read their own. */
@RestController
@RequestMapping("/api/v2/certifications")
class CertificationController {

    private final Certifications certifications;

    CertificationController(Certifications certifications) {
        this.certifications = certifications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CertificationResponse record(Actor actor, @RequestBody JsonNode body) {
        certifications.requireMayRecord(actor);
        JsonBody request = JsonBody.root(body, "certification");
        Long organizationId = request.requiredId("organization_id");
        Long userId = request.requiredId("user_id");
        String kind = request.requiredOneOf("kind", CertificationKind.CODES);
        var passedOn = request.requiredDate("passed_on");
        var expiresOn = request.date("expires_on");
        request.throwIfInvalid();
        return new CertificationResponse(CertificationJson.of(certifications.record(actor, new Certifications.Record(organizationId, userId,
                CertificationKind.fromCode(kind).orElseThrow(), passedOn, expiresOn))));
    }

    @GetMapping("/{id}")
    CertificationResponse show(Actor actor, @PathVariable long id) {
        return new CertificationResponse(CertificationJson.of(certifications.find(actor, id)));
    }

    @GetMapping
    CertificationPage list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             HttpServletRequest request) {
        return certifications.page(actor, PageRequest.from(request), organizationId)
                .body(CertificationJson::of, request, CertificationPage::new);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable long id) {
        certifications.remove(actor, id);
    }

    record CertificationJson(long id, long organizationId, long userId, String kind, String passedOn, @Nullable String expiresOn,
                             @Nullable Long recordedById, Instant createdAt) {
        static CertificationJson of(Certification c) {
            return new CertificationJson(c.id(), c.organizationId(), c.userId(), c.kind().code(), c.passedOn().toString(),
                    c.expiresOn() == null ? null : c.expiresOn().toString(), c.recordedBy(), c.createdAt());
        }
    }

    /** The root object of one certification (PO-3). */
    record CertificationResponse(CertificationJson certification) {
    }

    /** One cursor page of certifications (API-1). */
    record CertificationPage(List<CertificationJson> certifications, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
