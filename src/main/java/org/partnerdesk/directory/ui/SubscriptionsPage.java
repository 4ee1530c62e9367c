package org.partnerdesk.directory.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.Subscription;
import org.partnerdesk.directory.SubscriptionTerms;
import org.partnerdesk.directory.Subscriptions;
import org.partnerdesk.directory.Term;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue #16, DIR-5: {@code /ops/subscriptions}: staff list them (by organization, in keyset pages); admins create and change
 * them through {@link Subscriptions}, the facade the API uses, whose refusals show next to the field they concern.
 */
@ConsolePage
class SubscriptionsPage {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_SEATS = 1_000_000; // as the API takes them
    private static final Map<String, String> LABELS = Map.of("organization", "Organization", "plan", "Plan", "seats", "Seats",
            "startsOn", "Starts on", "endsOn", "Ends on", "purchasedThrough", "Bought through partner");
    private static final Map<String, String> API_FIELDS = Map.of("organization_id", "organization", "plan", "plan", "seats", "seats",
            "starts_on", "startsOn", "ends_on", "endsOn", "purchased_through_organization_id", "purchasedThrough");

    private final Subscriptions subscriptions;
    private final Organizations organizations;
    private final Clock clock;

    SubscriptionsPage(Subscriptions subscriptions, Organizations organizations, Clock clock) {
        this.subscriptions = subscriptions;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The form as the person typed it: kept as text, so a mistake is shown with what was typed. */
    record Form(String organization, String plan, String seats, String startsOn, String endsOn, String purchasedThrough) {
        static Form empty(@Nullable Long organization) {
            return new Form(organization == null ? "" : organization.toString(), "", "", "", "", "");
        }

        static Form of(Subscription s) {
            return new Form(Long.toString(s.organizationId()), s.plan().code(), Integer.toString(s.seats()), s.term().startsOn().toString(),
                    s.term().endsOn().toString(), s.purchasedThroughOrganizationId() == null ? "" : s.purchasedThroughOrganizationId().toString());
        }
    }

    /** One subscription as listed. */
    record Row(long id, long organizationId, String organization, String plan, int seats, String term, String status,
               String supportLevel, String boughtThrough) {
    }

    @GetMapping("/ops/subscriptions")
    String list(Actor actor, @RequestParam(required = false) @Nullable String organization, HttpServletRequest request, Model model) {
        FormProblems problems = new FormProblems(Map.of("organization", "Organization"));
        Long organizationId = organization == null ? null : problems.organization(actor, organizations, "organization", organization, false);
        CursorPage<Subscription> page = problems.isEmpty()
                ? subscriptions.page(actor, new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId()), organizationId)
                : new CursorPage<>(List.of(), false, null);
        model.addAttribute("rows", rows(page.items()));
        model.addAttribute("organization", organization == null ? "" : organization);
        model.addAttribute("filtered", organizationId != null);
        model.addAttribute("errors", problems.byField());
        model.addAttribute("nextPage", page.hasMore() ? UriComponentsBuilder.fromPath("/ops/subscriptions")
                .queryParamIfPresent("organization", Optional.ofNullable(organizationId))
                .queryParam("page[after]", page.afterCursor()).encode().build().toUriString() : null);
        return "directory/subscriptions";
    }

    @GetMapping("/ops/subscriptions/new")
    String newForm(Actor actor, @RequestParam(required = false) @Nullable Long organization, Model model) {
        actor.requireAdmin(); // DIR-5: admins write subscriptions
        return form(null, Form.empty(organization), new FormProblems(LABELS), model);
    }

    @PostMapping("/ops/subscriptions")
    String create(Actor actor, @ModelAttribute Form form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireAdmin();
        FormProblems problems = new FormProblems(LABELS);
        SubscriptionTerms terms = read(actor, form, null, problems);
        if (terms != null) {
            try {
                Subscription created = subscriptions.create(actor, terms);
                redirect.addFlashAttribute("flash", "Subscription " + created.id() + " created.");
                return "redirect:/ops/subscriptions?organization=" + created.organizationId();
            } catch (ApiException refused) {
                if (refused.status() != 422 && refused.status() != 400) {
                    throw refused;
                }
                problems.add(refused, API_FIELDS);
            }
        }
        response.setStatus(422);
        return form(null, form, problems, model);
    }

    @GetMapping("/ops/subscriptions/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        Subscription subscription = subscriptions.find(actor, id);
        actor.requireAdmin();
        return form(subscription, Form.of(subscription), new FormProblems(LABELS), model);
    }

    @PostMapping("/ops/subscriptions/{id}")
    String update(Actor actor, @PathVariable long id, @ModelAttribute Form form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Subscription existing = subscriptions.find(actor, id);
        actor.requireAdmin();
        FormProblems problems = new FormProblems(LABELS);
        SubscriptionTerms terms = read(actor, form, existing, problems);
        if (terms != null) {
            try {
                subscriptions.update(actor, id, terms);
                redirect.addFlashAttribute("flash", "Subscription " + id + " saved.");
                return "redirect:/ops/subscriptions?organization=" + existing.organizationId();
            } catch (ApiException refused) {
                if (refused.status() != 422 && refused.status() != 400) {
                    throw refused;
                }
                problems.add(refused, API_FIELDS);
            }
        }
        response.setStatus(422);
        return form(existing, form, problems, model);
    }

    private String form(@Nullable Subscription existing, Form form, FormProblems problems, Model model) {
        model.addAttribute("subscription", existing);
        model.addAttribute("holder", existing == null ? null : organizations.find(existing.organizationId()).map(Organization::name).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("plans", Plan.values());
        model.addAttribute("errors", problems.byField());
        return "directory/subscription";
    }

    // a subscription stays with its organization (as the API's PUT): an edit keeps the one it has
    private @Nullable SubscriptionTerms read(Actor actor, Form form, @Nullable Subscription existing, FormProblems problems) {
        Long organizationId = existing != null ? Long.valueOf(existing.organizationId())
                : problems.organization(actor, organizations, "organization", nullToEmpty(form.organization()), true);
        Plan plan = Plan.fromCode(nullToEmpty(form.plan())).orElse(null);
        if (plan == null) {
            problems.add("plan", "Plan is required: choose one of free, starter, premium or ultimate.");
        }
        Integer seats = problems.count("seats", nullToEmpty(form.seats()), 0, MAX_SEATS);
        LocalDate startsOn = problems.date("startsOn", nullToEmpty(form.startsOn()), true);
        LocalDate endsOn = problems.date("endsOn", nullToEmpty(form.endsOn()), true);
        Long purchasedThrough = problems.organization(actor, organizations, "purchasedThrough", nullToEmpty(form.purchasedThrough()), false);
        if (!problems.isEmpty() || organizationId == null || plan == null || seats == null || startsOn == null || endsOn == null) {
            return null;
        }
        return new SubscriptionTerms(organizationId, plan, seats, new Term(startsOn, endsOn), purchasedThrough);
    }

    // one query for the holders and the partners of the whole page
    private List<Row> rows(List<Subscription> page) {
        Set<Long> ids = new HashSet<>();
        for (Subscription s : page) {
            ids.add(s.organizationId());
            if (s.purchasedThroughOrganizationId() != null) {
                ids.add(s.purchasedThroughOrganizationId());
            }
        }
        Map<Long, String> names = organizations.findAll(List.copyOf(ids)).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name));
        LocalDate today = LocalDate.now(clock);
        return page.stream().map(s -> new Row(s.id(), s.organizationId(), names.getOrDefault(s.organizationId(), "organization " + s.organizationId()),
                s.plan().code(), s.seats(), DirectoryDates.term(s.term()), s.statusOn(today).code(), s.supportLevelOn(today).code(),
                s.purchasedThroughOrganizationId() == null ? "direct" : names.getOrDefault(s.purchasedThroughOrganizationId(),
                        "organization " + s.purchasedThroughOrganizationId()))).toList();
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
