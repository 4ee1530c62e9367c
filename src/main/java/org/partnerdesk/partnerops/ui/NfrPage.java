package org.partnerdesk.partnerops.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.partnerops.NfrEligibility;
import org.partnerdesk.partnerops.NfrException;
import org.partnerdesk.partnerops.NfrExceptions;
import org.partnerdesk.partnerops.NfrRequest;
import org.partnerdesk.partnerops.NfrRequests;
import org.partnerdesk.partnerops.nfr.NfrRequestForm;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * UI-1 / PO-3 "NFR licenses": the partner's licenses and requests, each request's requirements met or missing with how to
 * meet them, where an exception a Channel Manager raised stands (PO-4), and a form to ask, through {@link NfrRequests} as
 * the API does.
 */
@ConsolePage
class NfrPage {

    private static final String TEMPLATE = "partnerops/nfr";
    private static final int PAGE_SIZE = 25;
    private static final int LICENSES_SHOWN = 50;
    private static final FormErrors ERRORS = new FormErrors(Map.of("users", "Users", "deployment", "Deployment", "comment", "Comment",
            "plan", "Plan"), Map.of("users", "Users cannot be blank: say how many NFR users you need.",
            "deployment", "Choose the deployment: self-managed or SaaS."));

    private final PartnerMembers partners;
    private final NfrRequests requests;
    private final NfrExceptions exceptions;
    private final NfrLicenses licenses;
    private final Clock clock;

    NfrPage(PartnerMembers partners, NfrRequests requests, NfrExceptions exceptions, NfrLicenses licenses, Clock clock) {
        this.partners = partners;
        this.requests = requests;
        this.exceptions = exceptions;
        this.licenses = licenses;
        this.clock = clock;
    }

    /** One requirement of PO-3 as the partner reads it. */
    record RequirementRow(String title, boolean met, String fact, @Nullable String howToMeet) {
    }

    /** One NFR request with its requirements and, if a Channel Manager raised one, its exception in words (PO-4). */
    record RequestRow(long id, String askedOn, int users, String deployment, String status, boolean eligible,
                      List<RequirementRow> requirements, @Nullable String exception) {
    }

    /** One NFR license with its term in words. */
    record LicenseRow(long id, String plan, int users, String startsOn, String endsOn, String status) {
    }

    @GetMapping("/portal/nfr")
    String page(Actor actor, HttpServletRequest request, Model model) {
        Organization partner = partners.partnerOf(actor);
        model.addAttribute("input", Map.of("users", "", "deployment", "", "comment", ""));
        FormErrors.none(model);
        return show(actor, partner, request, model);
    }

    @PostMapping("/portal/nfr")
    String submit(Actor actor, @RequestParam(defaultValue = "") String users, @RequestParam(defaultValue = "") String deployment,
                  @RequestParam(defaultValue = "") String comment, HttpServletRequest http, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        Organization partner = partners.partnerOf(actor);
        requests.requireMaySubmit(actor);
        try {
            JsonBody request = JsonBody.root(body(users, deployment, comment), "nfr_request");
            NfrRequestForm read = NfrRequestForm.read(request);
            request.throwIfInvalid();
            NfrRequest sent = requests.submit(actor, read.ask());
            redirect.addFlashAttribute("flash", sent.eligibility().isEligible()
                    ? "NFR request #" + sent.id() + " sent. It meets every requirement: Licensing issue the license and mail you."
                    : "NFR request #" + sent.id() + " sent, but it is not eligible yet: see what is missing under My NFR requests."
                    + " We have mailed you the same.");
            return "redirect:/portal/nfr#request-" + sent.id();
        } catch (ApiException refused) {
            model.addAttribute("input", Map.of("users", users, "deployment", deployment, "comment", comment));
            ERRORS.show(refused, model, response);
            return show(actor, partner, http, model);
        }
    }

    private String show(Actor actor, Organization partner, HttpServletRequest http, Model model) {
        LocalDate today = LocalDate.now(clock);
        CursorPage<NfrLicense> held = licenses.page(actor, new PageRequest(LICENSES_SHOWN, 0), partner.id());
        PageRequest asked = PageRequest.from(http);
        CursorPage<NfrRequest> found = requests.page(actor, new PageRequest(http.getParameter("page[size]") == null ? PAGE_SIZE
                : asked.size(), asked.afterId()), partner.id());
        Map<Long, NfrException.Standing> standings = exceptions.standingsOn(actor, found.items());
        model.addAttribute("partner", partner);
        model.addAttribute("licenses", held.items().stream().map(l -> new LicenseRow(l.id(), title(l.plan().code()), l.users(),
                l.term().startsOn().toString(), l.term().endsOn().toString(), termInWords(l.statusOn(today)))).toList());
        model.addAttribute("moreLicenses", held.hasMore());
        model.addAttribute("requests", found.items().stream().map(r -> row(r, standings.get(r.id()))).toList());
        model.addAttribute("nextPage", found.hasMore() ? UriComponentsBuilder.fromPath("/portal/nfr")
                .queryParam("page[after]", found.afterCursor()).encode().build().toUriString() : null);
        return TEMPLATE;
    }

    private static RequestRow row(NfrRequest r, NfrException.@Nullable Standing standing) {
        return new RequestRow(r.id(), r.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(), r.users(), deploymentInWords(r.deployment()),
                statusInWords(r.status()), r.eligibility().isEligible(),
                r.eligibility().requirements().stream().map(q -> new RequirementRow(requirementTitle(q.code()), q.met(), q.fact(),
                        q.howToMeet())).toList(), standing == null ? null : exceptionInWords(standing));
    }

    // the form as the API's JSON: a number of users is a number when it reads as one, else the text, which the rules refuse
    private static ObjectNode body(String users, String deployment, String comment) {
        ObjectNode ask = JsonNodeFactory.instance.objectNode();
        String count = users.strip();
        if (count.matches("\\d{1,9}")) {
            ask.put("users", Integer.parseInt(count));
        } else if (!count.isEmpty()) {
            ask.put("users", count);
        }
        if (!deployment.isBlank()) {
            ask.put("deployment", deployment);
        }
        if (!comment.isBlank()) {
            ask.put("comment", comment);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("nfr_request", ask);
        return root;
    }

    private static String requirementTitle(String code) {
        return switch (code) {
            case NfrEligibility.PARTNER_TRACK -> "Partner track";
            case NfrEligibility.GOOD_STANDING -> "Good standing";
            case NfrEligibility.CERTIFICATION -> "Certification";
            case NfrEligibility.USER_ALLOWANCE -> "User allowance";
            default -> code;
        };
    }

    private static String statusInWords(NfrRequest.Status status) {
        return switch (status) {
            case AWAITING_FULFILMENT -> "Eligible: Licensing issue the license";
            case INELIGIBLE -> "Not eligible";
            case FULFILLED -> "Fulfilled: the license is issued";
            case SUPERSEDED -> "Replaced by an exception's license";
        };
    }

    // PO-4: the partner learns where the exception stands, not the justification or who decides
    private static String exceptionInWords(NfrException.Standing standing) {
        String about = "A Channel Manager asked for an exception of " + standing.users() + " users: ";
        return about + switch (standing.status()) {
            case PENDING -> "waiting for approval (" + standing.approvals() + " of 2 approvals so far).";
            case APPROVED -> "approved; Partner Operations issue the license.";
            case DECLINED -> "declined.";
            case FULFILLED -> "approved and fulfilled; the license is issued.";
        };
    }

    private static String deploymentInWords(String code) {
        return code.equals("saas") ? "SaaS" : "Self-managed";
    }

    private static String termInWords(org.partnerdesk.directory.Term.Status status) {
        return switch (status) {
            case FUTURE -> "Starts later";
            case ACTIVE -> "Active";
            case EXPIRED -> "Expired";
        };
    }

    private static String title(String code) {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
