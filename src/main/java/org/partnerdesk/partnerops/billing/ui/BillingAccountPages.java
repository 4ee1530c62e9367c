package org.partnerdesk.partnerops.billing.ui;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.BillingAccount;
import org.partnerdesk.partnerops.BillingAccounts;
import org.partnerdesk.partnerops.Transition;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * #16 operations console, PO-5 [003]: billing accounts by state with their activation countdown, one account with its
 * history, a request from a partner's page, and "Create" for Billing Operations. Every step goes through
 * {@link BillingAccounts}, which refuses here what it refuses over the API.
 */
@ConsolePage
class BillingAccountPages {

    /** A page a person scans; the API's 100 is for scripts. */
    private static final int PAGE_SIZE = 50;
    private static final int HISTORY = 50;
    private static final int NAME = 255;
    private static final int ADDRESS = 2_000;

    private final BillingAccounts accounts;
    private final Organizations organizations;
    private final Users users;
    private final Clock clock;

    BillingAccountPages(BillingAccounts accounts, Organizations organizations, Users users, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.users = users;
        this.clock = clock;
    }

    /** What a request form holds, as typed, so a refused form comes back with it. */
    record RequestForm(String organization, String organizationName, String entityName, String contactName, String contactEmail,
                       String contactAddress) {
    }

    @GetMapping("/ops/billing-accounts")
    String list(Actor actor, @RequestParam(required = false) @Nullable String state, HttpServletRequest request, Model model) {
        actor.requireStaff();
        BillingAccount.@Nullable Status status = status(state);
        CursorPage<BillingAccount> found = accounts.inStatus(actor, status, new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId()));
        Map<Long, Organization> partners = byId(organizations.findAll(found.items().stream().map(BillingAccount::organizationId)
                .distinct().toList()), Organization::id);
        var now = clock.instant();
        model.addAttribute("state", status == null ? "all" : status.code());
        model.addAttribute("states", Arrays.stream(BillingAccount.Status.values()).map(BillingAccount.Status::code).toList());
        model.addAttribute("rows", found.items().stream().map(account -> row(account, partners, now)).toList());
        model.addAttribute("mayCreate", accounts.mayCreate(actor));
        model.addAttribute("nextPage", found.hasMore() ? address(status, found.afterCursor()) : null);
        return "partnerops/billing-accounts";
    }

    @GetMapping("/ops/billing-accounts/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        actor.requireStaff();
        BillingAccount account = accounts.find(actor, id);
        List<Transition> history = accounts.audits(actor, id, new PageRequest(HISTORY, 0)).items();
        Set<Long> people = new HashSet<>();
        people.add(account.requestedBy());
        if (account.createdBy() != null) {
            people.add(account.createdBy());
        }
        history.stream().map(Transition::actorId).filter(java.util.Objects::nonNull).forEach(people::add);
        Map<Long, User> named = byId(users.findAll(people), User::id);
        Optional<Organization> partner = organizations.find(account.organizationId());
        model.addAttribute("row", new BillingAccountRow(account, partner.map(Organization::name).orElse(null),
                ActivationInWords.of(account, clock.instant())));
        Map<Long, String> names = named.values().stream().collect(Collectors.toMap(User::id, User::name));
        model.addAttribute("history", history.stream().map(step -> HistoryStep.of(step, names)).toList());
        model.addAttribute("people", names);
        model.addAttribute("mayCreate", accounts.mayCreate(actor));
        return "partnerops/billing-account";
    }

    /** PO-5: from a partner's page, {@code ?organization={id}}; staff who may ask for partners only. */
    @GetMapping("/ops/billing-accounts/new")
    String requestForm(Actor actor, @RequestParam(required = false) @Nullable Long organization, Model model) {
        actor.requireStaff();
        accounts.requireMayRequest(actor);
        Organization partner = organization == null ? null : organizations.find(actor, organization);
        return form(new RequestForm(organization == null ? "" : organization.toString(), "", "", "", "", ""), partner, Map.of(),
                null, model);
    }

    @PostMapping("/ops/billing-accounts/new")
    String request(Actor actor, @RequestParam(defaultValue = "") String organization,
                   @RequestParam(defaultValue = "") String organizationName, @RequestParam(defaultValue = "") String entityName,
                   @RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactEmail,
                   @RequestParam(defaultValue = "") String contactAddress, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        actor.requireStaff();
        accounts.requireMayRequest(actor); // API-2: authorize before reading what was typed
        RequestForm typed = new RequestForm(organization.strip(), organizationName.strip(), entityName.strip(), contactName.strip(),
                contactEmail.strip(), contactAddress.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        Organization partner = partner(actor, typed, errors);
        check(typed, errors);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return form(typed, partner, errors, null, model);
        }
        try {
            BillingAccount requested = accounts.request(actor, new BillingAccounts.Request(java.util.Objects.requireNonNull(partner).id(),
                    typed.entityName().isEmpty() ? null : typed.entityName(), typed.contactName(), typed.contactEmail(), typed.contactAddress()));
            redirect.addFlashAttribute("flash", "Billing account #" + requested.id() + " requested for " + partner.name()
                    + ": Billing Operations were asked on ticket #" + requested.ticketId() + " (PO-5).");
            return "redirect:/ops/billing-accounts/" + requested.id();
        } catch (ApiException refused) {
            if (refused.status() != 422) {
                throw refused;
            }
            response.setStatus(422);
            String problem = fieldErrors(refused, errors);
            return form(typed, partner, errors, problem, model);
        }
    }

    /** PO-5: Billing Operations create the account; it becomes available for quoting after the activation delay. */
    @PostMapping("/ops/billing-accounts/{id}/create")
    String create(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        actor.requireStaff();
        try {
            BillingAccount created = accounts.create(actor, id);
            ActivationInWords activation = ActivationInWords.of(created, clock.instant());
            redirect.addFlashAttribute("flash", "Billing account #" + id + " created: " + activation.words() + " ("
                    + activation.exactly() + "), then sales can choose it as invoice owner (PO-5).");
        } catch (ApiException refused) {
            if (refused.status() != 422) {
                throw refused; // 403 to anyone outside Billing Operations, 404 for no such account: the error page
            }
            redirect.addFlashAttribute("flash", "Billing account #" + id + " was not created: " + refused.details().values().stream()
                    .flatMap(List::stream).map(ApiException.FieldError::description).findFirst().orElse(refused.description()));
        }
        return "redirect:/ops/billing-accounts/" + id;
    }

    private String form(RequestForm form, @Nullable Organization partner, Map<String, String> errors, @Nullable String problem,
                        Model model) {
        model.addAttribute("form", form);
        model.addAttribute("partner", partner);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "partnerops/billing-account-new";
    }

    // the partner named by the partner page's id, or typed by name; the facade checks it is a partner (PO-5)
    private @Nullable Organization partner(Actor actor, RequestForm typed, Map<String, String> errors) {
        if (!typed.organization().isEmpty()) {
            try {
                return organizations.find(Long.parseLong(typed.organization())).orElseGet(() -> {
                    errors.put("organizationName", "No organization has the number " + typed.organization() + ".");
                    return null;
                });
            } catch (NumberFormatException e) {
                errors.put("organizationName", "\"" + typed.organization() + "\" is not an organization's number.");
                return null;
            }
        }
        if (typed.organizationName().isEmpty()) {
            errors.put("organizationName", "Name the partner organization the new entity belongs to.");
            return null;
        }
        return organizations.withName(actor, typed.organizationName()).orElseGet(() -> {
            errors.put("organizationName", "No organization is named \"" + typed.organizationName() + "\". Check the name.");
            return null;
        });
    }

    // the API's checks of the same fields (BillingAccountController), said next to each field
    private static void check(RequestForm typed, Map<String, String> errors) {
        if (typed.entityName().length() > NAME) {
            errors.put("entityName", "Keep the entity's name under " + NAME + " characters.");
        }
        if (typed.contactName().isEmpty()) {
            errors.put("contactName", "Give the invoice contact's name.");
        } else if (typed.contactName().length() > NAME) {
            errors.put("contactName", "Keep the name under " + NAME + " characters.");
        }
        if (typed.contactEmail().isEmpty()) {
            errors.put("contactEmail", "Give the invoice contact's e-mail.");
        } else if (typed.contactEmail().length() > EmailAddress.MAX_LENGTH || !EmailAddress.isValid(typed.contactEmail())) {
            errors.put("contactEmail", typed.contactEmail() + " is not an e-mail address.");
        }
        if (typed.contactAddress().isEmpty()) {
            errors.put("contactAddress", "Give the billing address.");
        } else if (typed.contactAddress().length() > ADDRESS) {
            errors.put("contactAddress", "Keep the address under " + ADDRESS + " characters.");
        }
    }

    // a rule's refusal (PO-5, DIR-2, DIR-3) goes next to the field it names, in the API's words; the rest above the form
    private static @Nullable String fieldErrors(ApiException refused, Map<String, String> errors) {
        StringBuilder rest = new StringBuilder();
        refused.details().forEach((field, problems) -> {
            String words = problems.stream().map(p -> p.description().contains(p.error()) ? p.description()
                    : p.description() + " (" + p.error() + ")").collect(Collectors.joining(" "));
            String input = switch (field) {
                case "organization_id" -> "organizationName";
                case "entity_name" -> "entityName";
                case "contact.name" -> "contactName";
                case "contact.email" -> "contactEmail";
                case "contact.address" -> "contactAddress";
                default -> null;
            };
            if (input == null) {
                rest.append(field).append(' ').append(words).append(' ');
            } else {
                errors.put(input, words);
            }
        });
        if (errors.isEmpty() && rest.isEmpty()) {
            return refused.description();
        }
        return rest.isEmpty() ? null : rest.toString().strip();
    }

    private static BillingAccountRow row(BillingAccount account, Map<Long, Organization> partners, java.time.Instant now) {
        Organization partner = partners.get(account.organizationId());
        return new BillingAccountRow(account, partner == null ? null : partner.name(), ActivationInWords.of(account, now));
    }

    private static BillingAccount.@Nullable Status status(@Nullable String state) {
        if (state == null || state.isBlank() || state.equals("all")) {
            return null;
        }
        return BillingAccount.Status.fromCode(state.strip()).orElseThrow(() -> ApiException.badRequest("InvalidParameter",
                "There is no state \"" + state + "\"; the states are all, requested, provisioning and active."));
    }

    /** The list's own address, which people bookmark: {@code /ops/billing-accounts?state=requested}. */
    private static String address(BillingAccount.@Nullable Status status, @Nullable String after) {
        var address = UriComponentsBuilder.fromPath("/ops/billing-accounts");
        if (status != null) {
            address.queryParam("state", status.code());
        }
        if (after != null) {
            address.queryParam("page[after]", after);
        }
        return address.encode().build().toUriString();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
