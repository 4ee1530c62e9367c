package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.Endpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may call which ticket endpoint (API-2, SPEC 2 and 7). One ticket, filed by the Open partner Sam on behalf of
 * the customer contact Ann with Carl on the CCs (ENT-1), is called about by everyone: nobody, a wrong token, a
 * stranger, a customer of another organization, a user of another partner, Ann, Sam, Carl, an agent and an admin.
 * Requester, submitter and CC see the ticket and may comment but not change fields; everyone else outside staff
 * is refused; the decision and the audit log are for staff; forms and fields are for anyone signed in. A refused
 * write leaves the ticket, its comments and its audit log exactly as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketAuthorizationTest extends ApiTest {

    enum Caller {
        NOBODY, WRONG_TOKEN, STRANGER, CUSTOMER_OF_ANOTHER_ORGANIZATION, USER_OF_ANOTHER_PARTNER,
        REQUESTER, PARTNER_SUBMITTER, CCD_USER, AGENT, ADMIN;

        /** API-2: staff see every ticket; others what they raised, submitted or are CC'd on. */
        boolean seesTheTicket() {
            return EnumSet.of(REQUESTER, PARTNER_SUBMITTER, CCD_USER, AGENT, ADMIN).contains(this);
        }

        boolean isStaff() {
            return this == AGENT || this == ADMIN;
        }
    }

    /** What the admin sees of the ticket, and how many intake tickets exist: a refused call must change none of it. */
    record Snapshot(JsonNode ticket, int comments, int audits, long intakes) {
    }

    record World(ApiClient admin, ApiClient nobody, ApiClient wrongToken, long ticketId, Org acme, Account ann, Account carl,
                 Account sam, Account bob, Account rival, Account stranger, Account agent, Account anAdmin, String intakeSubject,
                 AtomicLong doomed) {

        static World arrange(Desk desk, String baseUrl) {
            Org acme = desk.aCustomer();
            desk.subscribe(acme, "premium");
            Account ann = desk.endUserIn(acme);
            Account carl = desk.endUserIn(acme);
            Account sam = desk.endUserIn(desk.aPartner("open"));
            Reply filed = TicketState.anOpenPartnerFilesFor(sam, acme, ann, carl);
            assertThat(filed.at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
            assertThat(filed.at("/ticket/submitter_id").longValue()).isEqualTo(sam.id());
            assertThat(filed.at("/ticket/collaborator_ids").valueStream().map(JsonNode::longValue).toList()).containsExactly(carl.id());
            return new World(desk.admin, desk.anonymous(), ApiClient.withToken(baseUrl, ann.email(), "not-anns-token"),
                    filed.id("ticket"), acme, ann, carl, sam, desk.endUserIn(desk.aCustomer()), desk.endUserIn(desk.aPartner("open")),
                    desk.stranger(), desk.agent(), desk.anAdmin(), Desk.unique("Intake by"), new AtomicLong());
        }

        /** Issue #17 item 5: a ticket of its own for each deletion call, so the matrix ticket stays; in the bin already for /deleted_tickets/{id}. */
        long doom(boolean inTheBin) {
            long id = admin.post("/api/v2/tickets", """
                    {"ticket":{"subject":"Doomed","comment":{"body":"b"},"requester_id":%d,"ticket_form_id":%d}}"""
                    .formatted(ann.id(), SUPPORT_FORM)).id("ticket");
            if (inTheBin) {
                assertThat(admin.delete("/api/v2/tickets/" + id).status()).isEqualTo(204);
            }
            doomed.set(id);
            return id;
        }

        int statusOfDoomed() {
            return admin.get("/api/v2/tickets/" + doomed.get()).status();
        }

        ApiClient as(Caller caller) {
            Account account = account(caller);
            return account != null ? account.api() : caller == Caller.NOBODY ? nobody : wrongToken;
        }

        @Nullable Account account(Caller caller) {
            return switch (caller) {
                case NOBODY, WRONG_TOKEN -> null;
                case STRANGER -> stranger;
                case CUSTOMER_OF_ANOTHER_ORGANIZATION -> bob;
                case USER_OF_ANOTHER_PARTNER -> rival;
                case REQUESTER -> ann;
                case PARTNER_SUBMITTER -> sam;
                case CCD_USER -> carl;
                case AGENT -> agent;
                case ADMIN -> anAdmin;
            };
        }

        JsonNode ticketAsAdminSeesIt() {
            return admin.get("/api/v2/tickets/" + ticketId).json().get("ticket");
        }

        JsonNode commentsAsAdminSeesThem() {
            return admin.get("/api/v2/tickets/" + ticketId + "/comments").json().get("comments");
        }

        String intakeSubjectOf(Caller caller) {
            return intakeSubject + " " + caller;
        }
    }

    /**
     * One way to call a ticket endpoint: the endpoint, its body (given the world and the caller), the status each
     * caller gets, the JSON root a success answers with, and what a success must have done.
     */
    record Call(String name, Endpoint endpoint, @Nullable BiFunction<World, Caller, String> body, Map<Caller, Integer> expected,
                String root, Effect effect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** What an allowed call must have done, seen by the admin before and after it. */
    interface Effect {
        void check(World w, Caller caller, Reply reply, Snapshot before, Snapshot after);
    }

    private static final Map<Caller, Integer> ANYONE_SIGNED_IN = expect(401, 401, 200, 200, 200, 200, 200, 200, 200, 200);
    private static final Map<Caller, Integer> ANYONE_SIGNED_IN_CREATES = expect(401, 401, 201, 201, 201, 201, 201, 201, 201, 201);
    // #10 item 15: a ticket an end user may not see answers 404, as one that does not exist
    private static final Map<Caller, Integer> THE_TICKETS_PEOPLE_AND_STAFF = expect(401, 401, 404, 404, 404, 200, 200, 200, 200, 200);
    private static final Map<Caller, Integer> STAFF_CHANGE_WHAT_THE_TICKETS_PEOPLE_SEE = expect(401, 401, 404, 404, 404, 403, 403, 403, 200, 200);
    private static final Map<Caller, Integer> STAFF_ONLY = expect(401, 401, 403, 403, 403, 403, 403, 403, 200, 200);
    // issue #17 item 5: admins and Support Managers delete, restore and purge; any other agent is refused like an end user
    private static final Map<Caller, Integer> ADMINS_ONLY_WITHOUT_CONTENT = expect(401, 401, 403, 403, 403, 403, 403, 403, 403, 204);
    private static final Map<Caller, Integer> ADMINS_ONLY = expect(401, 401, 403, 403, 403, 403, 403, 403, 403, 200);

    // issue #17: an export holds every ticket, internal notes and all, so it is the admins' (as in Zendesk)
    // issue #17 item 4: Zendesk treats agents as end users on /requests: they see the requests they asked, filed or are CC'd on
    private static final Map<Caller, Integer> THE_REQUESTS_PEOPLE = expect(401, 401, 404, 404, 404, 200, 200, 200, 404, 404);
    // issue #17 item 7: webhooks, and their signing secrets, are the admins' alone
    private static final Map<Caller, Integer> ADMINS_ONLY_CREATES = expect(401, 401, 403, 403, 403, 403, 403, 403, 403, 201);
    private static final String INACTIVE_WEBHOOK = """
            {"webhook":{"name":"Matrix","endpoint":"https://hooks.example.test/desk","status":"inactive",
             "subscriptions":["zen:event-type:ticket.created"]}}""";

    private static Map<Caller, Integer> expect(int... statuses) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, statuses[caller.ordinal()]);
        }
        return Map.copyOf(expected);
    }

    private static final Effect CHANGES_NOTHING = (w, caller, reply, before, after) -> assertThat(after).isEqualTo(before);

    /** SPEC 7: the ticket is opened for the signed-in caller, who is requester and submitter; the matrix ticket is untouched. */
    private static final Effect OPENS_THE_CALLERS_OWN_TICKET = (w, caller, reply, before, after) -> {
        Account account = w.account(caller);
        assertThat(account).isNotNull();
        assertThat(reply.at("/ticket/subject").stringValue()).isEqualTo(w.intakeSubjectOf(caller));
        assertThat(reply.at("/ticket/requester_id").longValue()).isEqualTo(account.id());
        assertThat(reply.at("/ticket/submitter_id").longValue()).isEqualTo(account.id());
        assertThat(after.intakes()).isEqualTo(before.intakes() + 1);
        assertThat(after.ticket()).isEqualTo(before.ticket());
        assertThat(after.comments()).isEqualTo(before.comments());
    };

    /** SPEC 7 PUT: staff change the priority with the public comment TKT-3 asks for; one audit holds both. */
    private static final Effect CHANGES_THE_PRIORITY = (w, caller, reply, before, after) -> {
        assertThat(after.ticket().get("priority").stringValue()).isEqualTo(otherPriority(before.ticket()))
                .isNotEqualTo(before.ticket().get("priority").stringValue());
        assertThat(after.comments()).isEqualTo(before.comments() + 1);
        assertThat(after.audits()).isEqualTo(before.audits() + 1);
    };

    /** Issue #17 item 3: the update_many job completes with the ticket updated, as a single PUT would have. */
    private static final Effect CHANGES_THE_PRIORITY_IN_A_JOB = (w, caller, reply, before, after) -> {
        JsonNode job = org.partnerdesk.jobs.web.BulkJobsTest.awaitCompleted(w.as(caller), reply);
        assertThat(job.at("/results/0/status").stringValue()).as(job.toString()).isEqualTo("Updated");
        assertThat(w.ticketAsAdminSeesIt().get("priority").stringValue()).isEqualTo(otherPriority(before.ticket()));
    };

    /** API-2: a comment from anyone who sees the ticket is added, by them, and changes no field. */
    private static final Effect ADDS_THE_CALLERS_COMMENT = (w, caller, reply, before, after) -> {
        assertThat(after.comments()).isEqualTo(before.comments() + 1);
        JsonNode last = w.commentsAsAdminSeesThem().get(after.comments() - 1);
        assertThat(last.get("author_id").longValue()).isEqualTo(w.account(caller).id());
        assertThat(last.get("body").stringValue()).isEqualTo(commentOf(caller));
        assertThat(last.get("public").booleanValue()).isTrue();
        assertThat(after.ticket().get("priority")).isEqualTo(before.ticket().get("priority"));
        assertThat(after.ticket().get("requester_id")).isEqualTo(before.ticket().get("requester_id"));
        assertThat(after.ticket().get("custom_fields")).isEqualTo(before.ticket().get("custom_fields"));
    };

    /** SPEC 7 through POST /requests: the caller's own request, filed by the intake of POST /tickets; the matrix ticket is untouched. */
    private static final Effect OPENS_THE_CALLERS_OWN_REQUEST = (w, caller, reply, before, after) -> {
        Account account = w.account(caller);
        assertThat(account).isNotNull();
        assertThat(reply.at("/request/subject").stringValue()).isEqualTo(w.intakeSubjectOf(caller));
        assertThat(reply.at("/request/requester_id").longValue()).isEqualTo(account.id());
        assertThat(after.intakes()).isEqualTo(before.intakes() + 1);
        assertThat(after.ticket()).isEqualTo(before.ticket());
        assertThat(after.comments()).isEqualTo(before.comments());
    };

    /** API-2: a listing holds the ticket exactly when the caller may see it (staff lists are paged past it, see TicketAccessTest). */
    private static final Effect LISTS_THE_TICKET_ONLY_TO_THOSE_WHO_SEE_IT = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        if (!caller.isStaff()) {
            long me = w.account(caller).id();
            assertThat(ids(reply).contains(w.ticketId())).as(reply.toString()).isEqualTo(caller.seesTheTicket());
            assertThat(reply.json().get("tickets")).allSatisfy(t -> assertThat(involves(t, me)).as(t.toString()).isTrue());
        }
    };

    /** show_many answers 200 to everyone signed in, with only the tickets the caller may see. */
    private static final Effect SHOWS_THE_TICKET_ONLY_TO_THOSE_WHO_SEE_IT = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(ids(reply)).isEqualTo(caller.seesTheTicket() ? List.of(w.ticketId()) : List.of());
    };

    private static final Effect SHOWS_THE_TICKET = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(reply.at("/ticket/id").longValue()).isEqualTo(w.ticketId());
        assertThat(reply.at("/ticket/requester_id").longValue()).isEqualTo(w.ann().id());
    };

    private static final Effect MOVES_THE_DOOMED_TICKET_TO_THE_BIN = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(w.statusOfDoomed()).isEqualTo(404);
        assertThat(w.admin().get("/api/v2/deleted_tickets?sort=-deleted_at&page[size]=100").json().get("deleted_tickets").valueStream()
                .map(t -> t.get("id").longValue())).contains(w.doomed().get());
    };

    private static final Effect RESTORES_THE_DOOMED_TICKET = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(w.statusOfDoomed()).isEqualTo(200);
    };

    private static final Effect PURGES_THE_DOOMED_TICKET = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(w.statusOfDoomed()).isEqualTo(404);
        assertThat(w.admin().put("/api/v2/deleted_tickets/" + w.doomed().get() + "/restore", "").status()).isEqualTo(404);
    };

    /** Issue #17: a list per owner holds the ticket for staff and for those who see it, and nothing else for an end user. */
    private static final Effect LISTS_THE_OWNERS_TICKET_TO_THOSE_WHO_SEE_IT = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(ids(reply).contains(w.ticketId())).as(reply.toString()).isEqualTo(caller.seesTheTicket());
        if (!caller.isStaff()) {
            long me = w.account(caller).id();
            assertThat(reply.json().get("tickets")).allSatisfy(t -> assertThat(involves(t, me)).as(t.toString()).isTrue());
        }
    };

    /** Issue #17: an owner's count is the length of the owner's list as the same caller sees it (one page holds it here). */
    private static Effect countsAsTheList(java.util.function.Function<World, String> list) {
        return (w, caller, reply, before, after) -> {
            CHANGES_NOTHING.check(w, caller, reply, before, after);
            JsonNode listed = w.as(caller).get(list.apply(w) + "?page[size]=100").json();
            assertThat(reply.at("/count/value").longValue()).as(reply.toString()).isEqualTo(listed.get("tickets").size());
            assertThat(reply.at("/count/value").longValue() > 0).isEqualTo(caller.seesTheTicket() || caller.isStaff());
            assertThat(reply.at("/count/refreshed_at").stringValue()).isNotBlank();
        };
    }

    /** Issue #17: the request's first comment, public, as the request's comments list shows it. */
    private static final Effect SHOWS_THE_FIRST_COMMENT = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        JsonNode first = w.commentsAsAdminSeesThem().get(0);
        assertThat(reply.at("/comment/id").longValue()).isEqualTo(first.get("id").longValue());
        assertThat(reply.at("/comment/body").stringValue()).isEqualTo(first.get("body").stringValue());
    };

    /** Issue #17: the ticket's tags as the ticket shows them. */
    private static final Effect SHOWS_THE_TAGS = (w, caller, reply, before, after) -> {
        CHANGES_NOTHING.check(w, caller, reply, before, after);
        assertThat(reply.json().get("tags")).isEqualTo(before.ticket().get("tags"));
    };

    /** Issue #17: an agent's tag change lands on the ticket, normalized, in one audit, as a PUT of the ticket's tags does. */
    private static final Effect ADDS_THE_CALLERS_TAG = (w, caller, reply, before, after) -> {
        assertThat(tags(after.ticket())).contains(tagOf(caller)).containsAll(tags(before.ticket()));
        assertThat(tags(reply.json())).isEqualTo(tags(after.ticket()));
        assertThat(after.audits()).isEqualTo(before.audits() + 1);
        assertThat(after.comments()).isEqualTo(before.comments());
    };

    private static final Effect SETS_THE_CALLERS_TAGS = (w, caller, reply, before, after) -> {
        assertThat(tags(after.ticket())).containsExactly(tagOf(caller), "set_by_" + caller.name().toLowerCase());
        assertThat(after.audits()).isEqualTo(before.audits() + 1);
    };

    private static final Effect REMOVES_THE_CALLERS_TAG = (w, caller, reply, before, after) -> {
        assertThat(tags(before.ticket())).contains("doomed_" + caller.name().toLowerCase());
        assertThat(tags(after.ticket())).doesNotContain("doomed_" + caller.name().toLowerCase());
        assertThat(after.audits()).isEqualTo(before.audits() + 1);
    };

    static List<Call> calls() {
        return List.of(
                new Call("DELETE /tickets/{id}", Endpoint.of("DELETE /api/v2/tickets/{doomed}"), null, ADMINS_ONLY_WITHOUT_CONTENT, "",
                        MOVES_THE_DOOMED_TICKET_TO_THE_BIN),
                new Call("DELETE /tickets/destroy_many", Endpoint.of("DELETE /api/v2/tickets/destroy_many?ids={doomed}"), null,
                        ADMINS_ONLY, "job_status", MOVES_THE_DOOMED_TICKET_TO_THE_BIN),
                new Call("GET /deleted_tickets", Endpoint.of("GET /api/v2/deleted_tickets"), null, ADMINS_ONLY, "deleted_tickets",
                        CHANGES_NOTHING),
                new Call("PUT /deleted_tickets/{id}/restore", Endpoint.of("PUT /api/v2/deleted_tickets/{doomed}/restore"), (w, caller) -> "",
                        ADMINS_ONLY, "ticket", RESTORES_THE_DOOMED_TICKET),
                new Call("DELETE /deleted_tickets/{id}", Endpoint.of("DELETE /api/v2/deleted_tickets/{doomed}"), null, ADMINS_ONLY_WITHOUT_CONTENT, "",
                        PURGES_THE_DOOMED_TICKET),
                // issue #17: the bin's bulk calls, as Zendesk's: restore_many answers 200 without a body
                new Call("PUT /deleted_tickets/restore_many", Endpoint.of("PUT /api/v2/deleted_tickets/restore_many?ids={doomed}"),
                        (w, caller) -> "", ADMINS_ONLY, "", RESTORES_THE_DOOMED_TICKET),
                new Call("DELETE /deleted_tickets/destroy_many", Endpoint.of("DELETE /api/v2/deleted_tickets/destroy_many?ids={doomed}"), null,
                        ADMINS_ONLY, "job_status", PURGES_THE_DOOMED_TICKET),
                new Call("POST /tickets", Endpoint.of("POST /api/v2/tickets"),
                        (w, caller) -> """
                                {"ticket":{"subject":"%s","comment":{"body":"It broke"},"ticket_form_id":%d}}"""
                                .formatted(w.intakeSubjectOf(caller), SUPPORT_FORM),
                        ANYONE_SIGNED_IN_CREATES, "ticket", OPENS_THE_CALLERS_OWN_TICKET),
                // issue #15: the dry run of create is allowed to whoever may create, and stores nothing
                new Call("POST /tickets/preview", Endpoint.of("POST /api/v2/tickets/preview"),
                        (w, caller) -> """
                                {"ticket":{"subject":"%s","comment":{"body":"It broke"},"ticket_form_id":%d}}"""
                                .formatted(w.intakeSubjectOf(caller), SUPPORT_FORM),
                        ANYONE_SIGNED_IN, "preview", CHANGES_NOTHING),
                new Call("GET /tickets", Endpoint.of("GET /api/v2/tickets"), null, ANYONE_SIGNED_IN, "tickets",
                        LISTS_THE_TICKET_ONLY_TO_THOSE_WHO_SEE_IT),
                new Call("GET /tickets/{id}", Endpoint.of("GET /api/v2/tickets/{id}"), null, THE_TICKETS_PEOPLE_AND_STAFF, "ticket",
                        SHOWS_THE_TICKET),
                new Call("PUT /tickets/{id} changing a field", Endpoint.of("PUT /api/v2/tickets/{id}"),
                        (w, caller) -> """
                                {"ticket":{"priority":"%s","comment":{"body":"%s"}}}""".formatted(otherPriority(w.ticketAsAdminSeesIt()),
                                        "Resetting the priority (TKT-3), says " + caller),
                        STAFF_CHANGE_WHAT_THE_TICKETS_PEOPLE_SEE, "ticket", CHANGES_THE_PRIORITY),
                new Call("PUT /tickets/{id} with only a comment", Endpoint.of("PUT /api/v2/tickets/{id}"),
                        (w, caller) -> """
                                {"ticket":{"comment":{"body":"%s"}}}""".formatted(commentOf(caller)),
                        THE_TICKETS_PEOPLE_AND_STAFF, "ticket", ADDS_THE_CALLERS_COMMENT),
                // issue #17 item 3: a job for agents and admins; each ticket is then changed under the rules of a single PUT
                new Call("PUT /tickets/update_many", Endpoint.of("PUT /api/v2/tickets/update_many?ids={id}"),
                        (w, caller) -> """
                                {"ticket":{"priority":"%s","comment":{"body":"%s"}}}""".formatted(otherPriority(w.ticketAsAdminSeesIt()),
                                        "Resetting the priority in bulk (TKT-3), says " + caller),
                        STAFF_ONLY, "job_status", CHANGES_THE_PRIORITY_IN_A_JOB),
                new Call("GET /tickets/show_many", Endpoint.of("GET /api/v2/tickets/show_many?ids={id}"), null, ANYONE_SIGNED_IN,
                        "tickets", SHOWS_THE_TICKET_ONLY_TO_THOSE_WHO_SEE_IT),
                new Call("GET /tickets/{id}/comments", Endpoint.of("GET /api/v2/tickets/{id}/comments"), null,
                        THE_TICKETS_PEOPLE_AND_STAFF, "comments", CHANGES_NOTHING),
                new Call("GET /tickets/{id}/audits", Endpoint.of("GET /api/v2/tickets/{id}/audits"), null, STAFF_ONLY, "audits",
                        CHANGES_NOTHING),
                new Call("GET /tickets/{id}/entitlement", Endpoint.of("GET /api/v2/tickets/{id}/entitlement"), null, STAFF_ONLY,
                        "entitlement", CHANGES_NOTHING),
                new Call("GET /incremental/tickets/cursor", Endpoint.of("GET /api/v2/incremental/tickets/cursor?start_time=0&per_page=1"),
                        null, ADMINS_ONLY, "tickets", CHANGES_NOTHING),
                new Call("GET /incremental/tickets", Endpoint.of("GET /api/v2/incremental/tickets?start_time=0&per_page=1"), null,
                        ADMINS_ONLY, "tickets", CHANGES_NOTHING),
                new Call("GET /incremental/ticket_events", Endpoint.of("GET /api/v2/incremental/ticket_events?start_time=0&per_page=1"),
                        null, ADMINS_ONLY, "ticket_events", CHANGES_NOTHING),
                // issue #17 item 6: reply and wait times are the desk's own measures, for staff
                new Call("GET /tickets/{id}/metrics", Endpoint.of("GET /api/v2/tickets/{id}/metrics"), null, STAFF_ONLY,
                        "ticket_metric", CHANGES_NOTHING),
                new Call("GET /ticket_metrics", Endpoint.of("GET /api/v2/ticket_metrics"), null, STAFF_ONLY, "ticket_metrics",
                        CHANGES_NOTHING),
                new Call("GET /ticket_metrics/{id}", Endpoint.of("GET /api/v2/ticket_metrics/{id}"), null, STAFF_ONLY, "ticket_metric",
                        CHANGES_NOTHING),
                new Call("GET /ticket_forms", Endpoint.of("GET /api/v2/ticket_forms"), null, ANYONE_SIGNED_IN, "ticket_forms",
                        CHANGES_NOTHING),
                new Call("GET /ticket_forms/{form}", Endpoint.of("GET /api/v2/ticket_forms/{form}"), null, ANYONE_SIGNED_IN,
                        "ticket_form", CHANGES_NOTHING),
                new Call("GET /ticket_fields", Endpoint.of("GET /api/v2/ticket_fields"), null, ANYONE_SIGNED_IN, "ticket_fields",
                        CHANGES_NOTHING),
                new Call("GET /ticket_fields/{field}", Endpoint.of("GET /api/v2/ticket_fields/{field}"), null, ANYONE_SIGNED_IN,
                        "ticket_field", CHANGES_NOTHING),
                // issue #17: lists per owner answer everyone signed in, with the owner's tickets the caller may see
                new Call("GET /organizations/{org}/tickets", Endpoint.of("GET /api/v2/organizations/{org}/tickets"), null,
                        ANYONE_SIGNED_IN, "tickets", LISTS_THE_OWNERS_TICKET_TO_THOSE_WHO_SEE_IT),
                new Call("GET /users/{requester}/tickets/requested", Endpoint.of("GET /api/v2/users/{requester}/tickets/requested"), null,
                        ANYONE_SIGNED_IN, "tickets", LISTS_THE_OWNERS_TICKET_TO_THOSE_WHO_SEE_IT),
                new Call("GET /users/{cc}/tickets/ccd", Endpoint.of("GET /api/v2/users/{cc}/tickets/ccd"), null,
                        ANYONE_SIGNED_IN, "tickets", LISTS_THE_OWNERS_TICKET_TO_THOSE_WHO_SEE_IT),
                // issue #17: their counts, by the same rules as the lists
                new Call("GET /organizations/{org}/tickets/count", Endpoint.of("GET /api/v2/organizations/{org}/tickets/count"), null,
                        ANYONE_SIGNED_IN, "count", countsAsTheList(w -> "/api/v2/organizations/" + w.acme().id() + "/tickets")),
                new Call("GET /users/{requester}/tickets/requested/count", Endpoint.of("GET /api/v2/users/{requester}/tickets/requested/count"),
                        null, ANYONE_SIGNED_IN, "count", countsAsTheList(w -> "/api/v2/users/" + w.ann().id() + "/tickets/requested")),
                new Call("GET /users/{cc}/tickets/ccd/count", Endpoint.of("GET /api/v2/users/{cc}/tickets/ccd/count"), null,
                        ANYONE_SIGNED_IN, "count", countsAsTheList(w -> "/api/v2/users/" + w.carl().id() + "/tickets/ccd")),
                // issue #17: tags are read by whoever sees the ticket and changed by staff
                new Call("GET /tickets/{id}/tags", Endpoint.of("GET /api/v2/tickets/{id}/tags"), null, THE_TICKETS_PEOPLE_AND_STAFF,
                        "tags", SHOWS_THE_TAGS),
                new Call("PUT /tickets/{id}/tags", Endpoint.of("PUT /api/v2/tickets/{id}/tags"),
                        (w, caller) -> """
                                {"tags":["Added By %s"]}""".formatted(caller.name()),
                        STAFF_CHANGE_WHAT_THE_TICKETS_PEOPLE_SEE, "tags", ADDS_THE_CALLERS_TAG),
                new Call("POST /tickets/{id}/tags", Endpoint.of("POST /api/v2/tickets/{id}/tags"),
                        (w, caller) -> """
                                {"tags":["added_by_%s","SET BY %s"]}""".formatted(caller.name().toLowerCase(), caller.name()),
                        STAFF_CHANGE_WHAT_THE_TICKETS_PEOPLE_SEE, "tags", SETS_THE_CALLERS_TAGS),
                new Call("DELETE /tickets/{id}/tags", Endpoint.of("DELETE /api/v2/tickets/{id}/tags"),
                        (w, caller) -> {
                            String doomed = "doomed_" + caller.name().toLowerCase();
                            assertThat(w.admin().put("/api/v2/tickets/" + w.ticketId() + "/tags", "{\"tags\":[\"" + doomed + "\"]}")
                                    .status()).isEqualTo(200);
                            return "{\"tags\":[\"" + doomed + "\"]}";
                        },
                        STAFF_CHANGE_WHAT_THE_TICKETS_PEOPLE_SEE, "tags", REMOVES_THE_CALLERS_TAG),
                new Call("GET /tags", Endpoint.of("GET /api/v2/tags"), null, STAFF_ONLY, "tags", CHANGES_NOTHING),
                // issue #17 item 4: the Requests API, scoped as the portal; agents and admins are end users there (their own only)
                new Call("POST /requests", Endpoint.of("POST /api/v2/requests"),
                        (w, caller) -> """
                                {"request":{"subject":"%s","comment":{"body":"It broke"},"ticket_form_id":%d}}"""
                                .formatted(w.intakeSubjectOf(caller), SUPPORT_FORM),
                        ANYONE_SIGNED_IN_CREATES, "request", OPENS_THE_CALLERS_OWN_REQUEST),
                new Call("GET /requests", Endpoint.of("GET /api/v2/requests"), null, ANYONE_SIGNED_IN, "requests",
                        listsTheRequestTo(Caller.REQUESTER, Caller.PARTNER_SUBMITTER)),
                new Call("GET /requests/open", Endpoint.of("GET /api/v2/requests/open"), null, ANYONE_SIGNED_IN, "requests",
                        listsTheRequestTo(Caller.REQUESTER, Caller.PARTNER_SUBMITTER)),
                new Call("GET /requests/solved", Endpoint.of("GET /api/v2/requests/solved"), null, ANYONE_SIGNED_IN, "requests",
                        listsTheRequestTo()),
                new Call("GET /requests/ccd", Endpoint.of("GET /api/v2/requests/ccd"), null, ANYONE_SIGNED_IN, "requests",
                        listsTheRequestTo(Caller.CCD_USER)),
                new Call("GET /requests/search", Endpoint.of("GET /api/v2/requests/search?query=Runner"), null, ANYONE_SIGNED_IN, "requests",
                        listsTheRequestTo(Caller.REQUESTER, Caller.PARTNER_SUBMITTER, Caller.CCD_USER)),
                new Call("GET /requests/{id}", Endpoint.of("GET /api/v2/requests/{id}"), null, THE_REQUESTS_PEOPLE, "request",
                        CHANGES_NOTHING),
                new Call("GET /requests/{id}/comments", Endpoint.of("GET /api/v2/requests/{id}/comments"), null, THE_REQUESTS_PEOPLE,
                        "comments", CHANGES_NOTHING),
                new Call("GET /requests/{id}/comments/{comment}", Endpoint.of("GET /api/v2/requests/{id}/comments/{comment}"), null,
                        THE_REQUESTS_PEOPLE, "comment", SHOWS_THE_FIRST_COMMENT),
                new Call("PUT /requests/{id} with a comment", Endpoint.of("PUT /api/v2/requests/{id}"),
                        (w, caller) -> """
                                {"request":{"comment":{"body":"%s"}}}""".formatted(commentOf(caller)),
                        THE_REQUESTS_PEOPLE, "request", ADDS_THE_CALLERS_COMMENT),
                new Call("GET /webhooks", Endpoint.of("GET /api/v2/webhooks"), null, ADMINS_ONLY, "webhooks", CHANGES_NOTHING),
                new Call("POST /webhooks", Endpoint.of("POST /api/v2/webhooks"), (w, caller) -> INACTIVE_WEBHOOK, ADMINS_ONLY_CREATES,
                        "webhook", CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}", Endpoint.of("GET /api/v2/webhooks/{webhook}"), null, ADMINS_ONLY, "webhook",
                        CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}/signing_secret", Endpoint.of("GET /api/v2/webhooks/{webhook}/signing_secret"), null,
                        ADMINS_ONLY, "signing_secret", CHANGES_NOTHING),
                new Call("POST /webhooks/{webhook}/signing_secret", Endpoint.of("POST /api/v2/webhooks/{webhook}/signing_secret"),
                        (w, caller) -> "{}", ADMINS_ONLY_CREATES, "signing_secret", CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}/invocations", Endpoint.of("GET /api/v2/webhooks/{webhook}/invocations"), null,
                        ADMINS_ONLY, "invocations", CHANGES_NOTHING));
    }

    /** A request list holds the matrix ticket exactly for these callers (TKT-5: own, CC'd; staff only their own). */
    private static Effect listsTheRequestTo(Caller... callers) {
        Set<Caller> holding = Set.of(callers);
        return (w, caller, reply, before, after) -> {
            CHANGES_NOTHING.check(w, caller, reply, before, after);
            List<Long> ids = reply.json().get("requests").valueStream().map(t -> t.get("id").longValue()).toList();
            assertThat(ids.contains(w.ticketId())).as(reply.toString()).isEqualTo(holding.contains(caller));
        };
    }

    static Stream<Arguments> matrix() {
        List<Arguments> arguments = new ArrayList<>();
        for (Call call : calls()) {
            for (Caller caller : Caller.values()) {
                arguments.add(Arguments.of(call, caller, call.expected().get(caller)));
            }
        }
        return arguments.stream();
    }

    @Autowired
    JdbcClient db;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private @Nullable World world;

    @BeforeEach
    void arrangeTheWorldOnce() {
        if (world == null) {
            world = World.arrange(desk, baseUrl());
        }
    }

    @ParameterizedTest(name = "{0} by {1} answers {2}")
    @MethodSource("matrix")
    void callerGetsWhatTheTicketRulesAllow(Call call, Caller caller, int expected) {
        World w = world();
        String body = call.body() == null ? null : call.body().apply(w, caller);
        Map<String, Object> values = new HashMap<>(Map.of("id", w.ticketId(), "form", SUPPORT_FORM, "field", ORGANIZATION_EMAIL));
        if (call.endpoint().path().contains("{doomed}")) {
            values.put("doomed", w.doom(call.endpoint().path().startsWith("/api/v2/deleted_tickets/")));
        }
        Snapshot before = snapshot(w);

        values.putAll(Map.of("org", w.acme().id(), "requester", w.ann().id(), "cc", w.carl().id(), "webhook", webhook(),
                "comment", firstCommentId(w)));
        Reply reply = call.endpoint().send(w.as(caller), values, body);

        Snapshot after = snapshot(w);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.at("/error").stringValue()).isEqualTo(switch (expected) {
                case 401 -> "Unauthorized";
                case 404 -> "RecordNotFound";
                default -> "Forbidden";
            });
            if (expected == 404) { // the same answer as for a ticket that does not exist: the id tells nothing
                Map<String, Object> missingTicket = new HashMap<>(values);
                missingTicket.put("id", 999_999_999L);
                Reply missing = call.endpoint().send(w.as(caller), missingTicket, body);
                assertThat(reply.text()).isEqualTo(missing.text().replace("999999999", Long.toString(w.ticketId())));
            }
            assertThat(reply.at("/description").stringValue()).isNotBlank();
            assertThat(after).as("a refused call changes nothing").isEqualTo(before);
        } else {
            if (expected != 204 && !call.root().isEmpty()) { // a 204 has no body (issue #17's deletions), nor has restore_many's 200
                assertThat(reply.json().has(call.root())).as(reply.toString()).isTrue();
            }
            call.effect().check(w, caller, reply, before, after);
        }
    }

    private @Nullable String webhook;

    private long firstCommentId(World w) {
        return w.commentsAsAdminSeesThem().get(0).get("id").longValue();
    }

    // issue #17 item 7: an inactive webhook, so the matrix's tickets call nobody
    private String webhook() {
        if (webhook == null) {
            webhook = desk.admin.post("/api/v2/webhooks", INACTIVE_WEBHOOK).at("/webhook/id").stringValue();
        }
        return webhook;
    }

    @Test
    void everyCallIsDecidedForEveryCaller() {
        assertThat(calls()).allSatisfy(call -> assertThat(call.expected()).containsOnlyKeys(Caller.values()));
    }

    @Test
    void everyTicketFormAndFieldEndpointTheDeskServesIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        // the ticket module's own routes; other modules' ticket sub-resources (escalation) have their own matrices
        mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("org.partnerdesk.ticket"))
                .map(java.util.Map.Entry::getKey)
                .forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.matches("/api/v2/(tickets|deleted_tickets|ticket_forms|ticket_fields|tags|requests|ticket_metrics|incremental/tickets|incremental/ticket_events)(/.*)?")
                        || path.matches("/api/v2/(organizations|users)/\\{[^}]+}/tickets(/.*)?")) // issue #17: lists per owner
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method + " " + path.replaceAll("\\{[^}]+}", "{}")))));
        Set<String> covered = new TreeSet<>();
        calls().stream().filter(call -> !call.endpoint().path().startsWith("/api/v2/webhooks")) // #17: webhooks, WebhookApiTest
                .forEach(call -> covered.add(call.endpoint().method() + " "
                + call.endpoint().path().replaceAll("\\?.*", "").replaceAll("\\{[^}]+}", "{}")));

        assertThat(covered).isEqualTo(served);
    }

    @Test
    void endUsersReadTheConversationWithoutTheAgentsInternalNotes() {
        World w = world();
        String note = Desk.unique("internal: customer is on a legacy runner");
        assertThat(w.agent().api().put("/api/v2/tickets/" + w.ticketId(), """
                {"ticket":{"comment":{"body":"%s","public":false}}}""".formatted(note)).status()).isEqualTo(200);

        for (Account person : List.of(w.ann(), w.sam(), w.carl())) {
            assertThat(bodies(person.api().get("/api/v2/tickets/" + w.ticketId() + "/comments"))).isNotEmpty().doesNotContain(note);
        }
        assertThat(bodies(w.agent().api().get("/api/v2/tickets/" + w.ticketId() + "/comments"))).contains(note);
    }

    @Test
    void requestersCommentThatAsksToBeInternalIsRefused() { // #12: end users write no internal notes; it was silently published
        World w = world();
        Snapshot before = snapshot(w);

        Reply reply = w.ann().api().put("/api/v2/tickets/" + w.ticketId(), """
                {"ticket":{"comment":{"body":"%s","public":false}}}""".formatted(Desk.unique("only for the agents, please")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.at("/details/comment.public/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void requesterCannotSlipAFieldChangeInWithAComment() {
        World w = world();
        Snapshot before = snapshot(w);

        Reply refused = w.ann().api().put("/api/v2/tickets/" + w.ticketId(), """
                {"ticket":{"priority":"%s","comment":{"body":"please hurry"}}}""".formatted(otherPriority(before.ticket())));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void submitterCannotMoveTheTicketToAnotherRequester() {
        World w = world();
        Snapshot before = snapshot(w);

        Reply refused = w.sam().api().put("/api/v2/tickets/" + w.ticketId(), """
                {"ticket":{"requester_id":%d}}""".formatted(w.carl().id()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void ccdUserCannotChangeTheCustomerContactTheTicketIsFor() {
        World w = world();
        Snapshot before = snapshot(w);

        Reply refused = w.carl().api().put("/api/v2/tickets/" + w.ticketId(), """
                {"ticket":{"custom_fields":[%s]}}""".formatted(field(ORGANIZATION_EMAIL, w.carl().email())));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void unknownTicketIsNotFoundForStaffAndUnauthorizedForNobody() { // end users: in the matrix, alike with one they may not see
        assertThat(world().agent().api().get("/api/v2/tickets/999999999").status()).isEqualTo(404);
        assertThat(world().nobody().get("/api/v2/tickets/999999999").status()).isEqualTo(401);
    }

    private Snapshot snapshot(World w) {
        long intakes = db.sql("select count(*) from tickets where subject like :prefix")
                .param("prefix", w.intakeSubject() + " %").query(Long.class).single();
        return new Snapshot(w.ticketAsAdminSeesIt(), w.commentsAsAdminSeesThem().size(),
                w.admin().get("/api/v2/tickets/" + w.ticketId() + "/audits").json().get("audits").size(), intakes);
    }

    private static String tagOf(Caller caller) {
        return "added_by_" + caller.name().toLowerCase();
    }

    private static List<String> tags(JsonNode holder) {
        return holder.get("tags").valueStream().map(JsonNode::stringValue).toList();
    }

    private static String otherPriority(JsonNode ticket) {
        return "urgent".equals(ticket.get("priority").stringValue()) ? "low" : "urgent";
    }

    private static String commentOf(Caller caller) {
        return "A word from " + caller;
    }

    /** No organization in this world shares its tickets, so an end user's list holds only tickets naming them. */
    private static boolean involves(JsonNode ticket, long userId) {
        return ticket.get("requester_id").longValue() == userId || ticket.get("submitter_id").longValue() == userId
                || ticket.get("collaborator_ids").valueStream().anyMatch(id -> id.longValue() == userId);
    }

    private static List<Long> ids(Reply reply) {
        return reply.json().get("tickets").valueStream().map(t -> t.get("id").longValue()).toList();
    }

    private static List<String> bodies(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("comments").valueStream().map(c -> c.get("body").stringValue()).toList();
    }

    private World world() {
        assertThat(world).isNotNull();
        return world;
    }
}
