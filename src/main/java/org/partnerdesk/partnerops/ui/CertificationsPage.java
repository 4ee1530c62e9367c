package org.partnerdesk.partnerops.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.Certification;
import org.partnerdesk.partnerops.Certifications;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** UI-1 / PO-3 "Certifications": the partner's certification register, read only (Partner Operations keep it). */
@ConsolePage
class CertificationsPage {

    private static final int PAGE_SIZE = 50;

    private final PartnerMembers partners;
    private final Certifications certifications;
    private final Users users;
    private final Clock clock;

    CertificationsPage(PartnerMembers partners, Certifications certifications, Users users, Clock clock) {
        this.partners = partners;
        this.certifications = certifications;
        this.users = users;
        this.clock = clock;
    }

    /** One certification as the partner reads it. */
    record CertificationRow(String holder, String email, String kind, boolean countsForNfr, String passedOn, String validity) {
    }

    @GetMapping("/portal/certifications")
    String page(Actor actor, HttpServletRequest request, Model model) {
        Organization partner = partners.partnerOf(actor);
        PageRequest asked = PageRequest.from(request);
        CursorPage<Certification> found = certifications.page(actor, new PageRequest(request.getParameter("page[size]") == null
                ? PAGE_SIZE : asked.size(), asked.afterId()), partner.id());
        // one query for the holders of the whole page, not one per row
        Map<Long, User> holders = users.findAll(found.items().stream().map(Certification::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("partner", partner);
        model.addAttribute("rows", found.items().stream().map(c -> {
            User holder = holders.get(c.userId());
            return new CertificationRow(holder == null ? "User " + c.userId() : holder.name(), holder == null ? "" : holder.email(),
                    c.kind().title(), c.kind().qualifiesForNfr(), c.passedOn().toString(), validity(c, today));
        }).toList());
        model.addAttribute("nextPage", found.hasMore() ? UriComponentsBuilder.fromPath("/portal/certifications")
                .queryParam("page[after]", found.afterCursor()).encode().build().toUriString() : null);
        return "partnerops/portal-certifications";
    }

    private static String validity(Certification c, LocalDate today) {
        if (c.isValidOn(today)) {
            return c.expiresOn() == null ? "Valid" : "Valid until " + c.expiresOn();
        }
        return c.passedOn().isAfter(today) ? "Not valid yet" : "Expired on " + c.expiresOn();
    }
}
