package org.partnerdesk.directory.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Plan;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue #16, DIR-6: {@code /ops/nfr-licenses}: staff list them (by organization, in keyset pages); admins issue one through
 * {@link NfrLicenses}, the facade the API uses (the API has no revoke: a license runs to its end date).
 */
@ConsolePage
class NfrLicensesPage {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_USERS = 10_000; // as the API takes them
    private static final Map<String, String> LABELS = Map.of("organization", "Partner", "plan", "Plan", "users", "Users",
            "startsOn", "Starts on", "endsOn", "Ends on");
    private static final Map<String, String> API_FIELDS = Map.of("organization_id", "organization", "plan", "plan", "users", "users",
            "starts_on", "startsOn", "ends_on", "endsOn");

    private final NfrLicenses licenses;
    private final Organizations organizations;
    private final Clock clock;

    NfrLicensesPage(NfrLicenses licenses, Organizations organizations, Clock clock) {
        this.licenses = licenses;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The issue form as typed. */
    record Form(String organization, String plan, String users, String startsOn, String endsOn) {
        static Form empty(@Nullable Long organization) {
            return new Form(organization == null ? "" : organization.toString(), "", "", "", "");
        }
    }

    /** One license as listed. */
    record Row(long id, long organizationId, String organization, String plan, int users, String term, String status) {
    }

    @GetMapping("/ops/nfr-licenses")
    String list(Actor actor, @RequestParam(required = false) @Nullable String organization, HttpServletRequest request, Model model) {
        FormProblems problems = new FormProblems(Map.of("organization", "Partner"));
        Long organizationId = organization == null ? null : problems.organization(actor, organizations, "organization", organization, false);
        CursorPage<NfrLicense> page = problems.isEmpty()
                ? licenses.page(actor, new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId()), organizationId)
                : new CursorPage<>(List.of(), false, null);
        Map<Long, String> names = organizations.findAll(page.items().stream().map(NfrLicense::organizationId).distinct().toList()).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name)); // one query for the page
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("rows", page.items().stream().map(l -> new Row(l.id(), l.organizationId(),
                names.getOrDefault(l.organizationId(), "organization " + l.organizationId()), l.plan().code(), l.users(),
                DirectoryDates.term(l.term()), l.statusOn(today).code())).toList());
        model.addAttribute("organization", organization == null ? "" : organization);
        model.addAttribute("filtered", organizationId != null);
        model.addAttribute("errors", problems.byField());
        model.addAttribute("nextPage", page.hasMore() ? UriComponentsBuilder.fromPath("/ops/nfr-licenses")
                .queryParamIfPresent("organization", Optional.ofNullable(organizationId))
                .queryParam("page[after]", page.afterCursor()).encode().build().toUriString() : null);
        return "directory/nfr-licenses";
    }

    @GetMapping("/ops/nfr-licenses/new")
    String newForm(Actor actor, @RequestParam(required = false) @Nullable Long organization, Model model) {
        actor.requireAdmin(); // DIR-6: admins issue NFR licenses
        return form(Form.empty(organization), new FormProblems(LABELS), model);
    }

    @PostMapping("/ops/nfr-licenses")
    String issue(Actor actor, @ModelAttribute Form form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireAdmin();
        FormProblems problems = new FormProblems(LABELS);
        Long organizationId = problems.organization(actor, organizations, "organization", text(form.organization()), true);
        Plan plan = text(form.plan()).isBlank() ? null : Plan.fromCode(text(form.plan())).orElse(null);
        if (!text(form.plan()).isBlank() && plan == null) {
            problems.add("plan", "Plan must be one of free, starter, premium or ultimate.");
        }
        Integer users = problems.count("users", text(form.users()), 1, MAX_USERS);
        LocalDate startsOn = problems.date("startsOn", text(form.startsOn()), false);
        LocalDate endsOn = problems.date("endsOn", text(form.endsOn()), false);
        if (problems.isEmpty() && organizationId != null && users != null) {
            try {
                NfrLicense issued = licenses.issue(actor, new NfrLicenses.Issue(organizationId, plan, users, startsOn, endsOn));
                redirect.addFlashAttribute("flash", "NFR license " + issued.id() + " issued, " + DirectoryDates.term(issued.term()) + ".");
                return "redirect:/ops/nfr-licenses?organization=" + issued.organizationId();
            } catch (ApiException refused) {
                if (refused.status() != 422 && refused.status() != 400) {
                    throw refused;
                }
                problems.add(refused, API_FIELDS);
            }
        }
        response.setStatus(422);
        return form(form, problems, model);
    }

    private String form(Form form, FormProblems problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("plans", Plan.values());
        model.addAttribute("errors", problems.byField());
        return "directory/nfr-license";
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }
}
