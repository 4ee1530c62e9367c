package org.partnerdesk.partnerops.certification.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.SupportedDates;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.Certification;
import org.partnerdesk.partnerops.CertificationKind;
import org.partnerdesk.partnerops.Certifications;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * #16 operations console, PO-3 [003]: the certification register, all of it or one organization's or one kind's, in keyset
 * pages; Partner Operations record a certification from the same page through {@link Certifications#record}.
 */
@ConsolePage
class CertificationPage {

    private static final int PAGE_SIZE = 50;

    private final Certifications certifications;
    private final Organizations organizations;
    private final Users users;
    private final Clock clock;

    CertificationPage(Certifications certifications, Organizations organizations, Users users, Clock clock) {
        this.certifications = certifications;
        this.organizations = organizations;
        this.users = users;
        this.clock = clock;
    }

    /** The list's filter as typed: an organization by name (or by id from a link) and a kind. */
    record Filter(String organization, @Nullable Long organizationId, String kind) {
    }

    /** The record form as typed, kept when it is refused. */
    record RecordForm(String holder, String kind, String passedOn, String expiresOn) {
        static final RecordForm EMPTY = new RecordForm("", "", "", "");
    }

    @GetMapping("/ops/certifications")
    String register(Actor actor, @RequestParam(defaultValue = "") String organization,
                    @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                    @RequestParam(defaultValue = "") String kind, HttpServletRequest request, Model model) {
        actor.requireStaff();
        return page(actor, new Filter(organization.strip(), organizationId, kind.strip()), PageRequest.from(request).afterId(),
                RecordForm.EMPTY, Map.of(), model);
    }

    /** PO-3: Partner Operations record who passed what; the holder is named by e-mail and recorded under their organization. */
    @PostMapping("/ops/certifications")
    String record(Actor actor, @RequestParam(defaultValue = "") String holder, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String passedOn, @RequestParam(defaultValue = "") String expiresOn, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        certifications.requireMayRecord(actor); // API-2: authorize before reading what was typed
        RecordForm typed = new RecordForm(holder.strip(), kind.strip(), passedOn.strip(), expiresOn.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<User> person = typed.holder().isEmpty() ? Optional.empty() : users.findByEmail(typed.holder());
        if (typed.holder().isEmpty()) {
            errors.put("holder", "Give the e-mail of the person who passed.");
        } else if (person.isEmpty()) {
            errors.put("holder", "No user has the e-mail " + typed.holder() + ".");
        } else if (person.get().organizationId() == null) {
            errors.put("holder", typed.holder() + " belongs to no organization: the register holds partner employees only (PO-3).");
        }
        Optional<CertificationKind> certification = CertificationKind.fromCode(typed.kind());
        if (certification.isEmpty()) {
            errors.put("kind", "Choose the certification.");
        }
        LocalDate passed = date(typed.passedOn(), "passedOn", true, errors);
        LocalDate expires = date(typed.expiresOn(), "expiresOn", false, errors);
        Filter filter = new Filter("", person.map(User::organizationId).orElse(null), "");
        if (errors.isEmpty()) {
            try {
                Certification recorded = certifications.record(actor, new Certifications.Record(person.get().organizationId(),
                        person.get().id(), certification.get(), passed, expires));
                redirect.addFlashAttribute("flash", person.get().name() + " (" + person.get().email() + ") holds "
                        + recorded.kind().title() + " since " + recorded.passedOn() + ": recorded (PO-3).");
                return "redirect:" + address(new Filter("", recorded.organizationId(), ""), null);
            } catch (ApiException refused) {
                if (refused.status() != 422) {
                    throw refused;
                }
                refused.details().forEach((field, problems) -> errors.put(input(field), problems.stream()
                        .map(ApiException.FieldError::description).collect(Collectors.joining(" "))));
                errors.putIfAbsent("holder", refused.description());
            }
        }
        response.setStatus(422);
        return page(actor, filter, 0, typed, errors, model);
    }

    private String page(Actor actor, Filter filter, long after, RecordForm form, Map<String, String> errors, Model model) {
        CertificationKind kind = filter.kind().isEmpty() ? null : CertificationKind.fromCode(filter.kind()).orElseThrow(() ->
                ApiException.badRequest("InvalidParameter", "There is no certification \"" + filter.kind() + "\"."));
        Long organizationId = filter.organizationId();
        String notFound = null;
        if (organizationId == null && !filter.organization().isEmpty()) {
            organizationId = organizations.withName(actor, filter.organization()).map(Organization::id).orElse(null);
            notFound = organizationId == null ? "No organization is named \"" + filter.organization() + "\"." : null;
        }
        List<Certification> found = List.of();
        String nextPage = null;
        if (notFound == null) {
            CursorPage<Certification> page = certifications.page(actor, new PageRequest(PAGE_SIZE, after), organizationId, kind);
            found = page.items();
            nextPage = page.hasMore() ? address(filter, page.afterCursor()) : null;
        }
        Map<Long, User> holders = byId(users.findAll(found.stream().map(Certification::userId).distinct().toList()), User::id);
        List<Long> organizationIds = found.stream().map(Certification::organizationId).distinct().collect(Collectors.toList());
        if (organizationId != null && !organizationIds.contains(organizationId)) {
            organizationIds.add(organizationId);
        }
        Map<Long, Organization> named = byId(organizations.findAll(organizationIds), Organization::id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("rows", found.stream().map(c -> row(c, holders, named, today)).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("filteredTo", organizationId == null || !named.containsKey(organizationId) ? null : named.get(organizationId).name());
        model.addAttribute("notFound", notFound);
        model.addAttribute("kinds", Arrays.asList(CertificationKind.values()));
        model.addAttribute("nextPage", nextPage);
        model.addAttribute("mayRecord", certifications.mayRecord(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "partnerops/certifications";
    }

    private static CertificationRow row(Certification c, Map<Long, User> holders, Map<Long, Organization> named, LocalDate today) {
        User holder = holders.get(c.userId());
        Organization organization = named.get(c.organizationId());
        String validity = c.isValidOn(today) ? "valid" : (c.passedOn().isAfter(today) ? "not yet valid" : "expired");
        return new CertificationRow(c, holder == null ? null : holder.name(), holder == null ? null : holder.email(),
                organization == null ? null : organization.name(), validity);
    }

    private static @Nullable LocalDate date(String typed, String field, boolean required, Map<String, String> errors) {
        if (typed.isEmpty()) {
            if (required) {
                errors.put(field, "Give the day it was passed.");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(typed);
            if (SupportedDates.contains(date)) {
                return date;
            }
            errors.put(field, "Give a date " + SupportedDates.RANGE + ".");
        } catch (DateTimeParseException e) {
            errors.put(field, "\"" + (typed.length() <= 80 ? typed : typed.substring(0, 80) + "…") + "\" is not a date (YYYY-MM-DD).");
        }
        return null;
    }

    private static String input(String field) {
        return switch (field) {
            case "kind" -> "kind";
            case "passed_on" -> "passedOn";
            case "expires_on" -> "expiresOn";
            default -> "holder"; // organization_id, user_id: the holder's organization or the holder
        };
    }

    private static String address(Filter filter, @Nullable String after) {
        var address = UriComponentsBuilder.fromPath("/ops/certifications");
        if (filter.organizationId() != null) {
            address.queryParam("organization_id", filter.organizationId());
        } else if (!filter.organization().isEmpty()) {
            address.queryParam("organization", filter.organization());
        }
        if (!filter.kind().isEmpty()) {
            address.queryParam("kind", filter.kind());
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
