package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
                 Account sam, Account bob, Account rival, Account stranger, Account agent, Account anAdmin, String intakeSubject) {

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
                    desk.stranger(), desk.agent(), desk.anAdmin(), Desk.unique("Intake by"));
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
    // issue #17 item 7: webhooks, and their signing secrets, are the admins' alone
    private static final Map<Caller, Integer> ADMIN_ONLY = expect(401, 401, 403, 403, 403, 403, 403, 403, 403, 200);
    private static final Map<Caller, Integer> ADMIN_ONLY_CREATES = expect(401, 401, 403, 403, 403, 403, 403, 403, 403, 201);
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

    static List<Call> calls() {
        return List.of(
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
                new Call("GET /tickets/show_many", Endpoint.of("GET /api/v2/tickets/show_many?ids={id}"), null, ANYONE_SIGNED_IN,
                        "tickets", SHOWS_THE_TICKET_ONLY_TO_THOSE_WHO_SEE_IT),
                new Call("GET /tickets/{id}/comments", Endpoint.of("GET /api/v2/tickets/{id}/comments"), null,
                        THE_TICKETS_PEOPLE_AND_STAFF, "comments", CHANGES_NOTHING),
                new Call("GET /tickets/{id}/audits", Endpoint.of("GET /api/v2/tickets/{id}/audits"), null, STAFF_ONLY, "audits",
                        CHANGES_NOTHING),
                new Call("GET /tickets/{id}/entitlement", Endpoint.of("GET /api/v2/tickets/{id}/entitlement"), null, STAFF_ONLY,
                        "entitlement", CHANGES_NOTHING),
                new Call("GET /ticket_forms", Endpoint.of("GET /api/v2/ticket_forms"), null, ANYONE_SIGNED_IN, "ticket_forms",
                        CHANGES_NOTHING),
                new Call("GET /ticket_forms/{form}", Endpoint.of("GET /api/v2/ticket_forms/{form}"), null, ANYONE_SIGNED_IN,
                        "ticket_form", CHANGES_NOTHING),
                new Call("GET /ticket_fields", Endpoint.of("GET /api/v2/ticket_fields"), null, ANYONE_SIGNED_IN, "ticket_fields",
                        CHANGES_NOTHING),
                new Call("GET /ticket_fields/{field}", Endpoint.of("GET /api/v2/ticket_fields/{field}"), null, ANYONE_SIGNED_IN,
                        "ticket_field", CHANGES_NOTHING),
                new Call("GET /webhooks", Endpoint.of("GET /api/v2/webhooks"), null, ADMIN_ONLY, "webhooks", CHANGES_NOTHING),
                new Call("POST /webhooks", Endpoint.of("POST /api/v2/webhooks"), (w, caller) -> INACTIVE_WEBHOOK, ADMIN_ONLY_CREATES,
                        "webhook", CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}", Endpoint.of("GET /api/v2/webhooks/{webhook}"), null, ADMIN_ONLY, "webhook",
                        CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}/signing_secret", Endpoint.of("GET /api/v2/webhooks/{webhook}/signing_secret"), null,
                        ADMIN_ONLY, "signing_secret", CHANGES_NOTHING),
                new Call("POST /webhooks/{webhook}/signing_secret", Endpoint.of("POST /api/v2/webhooks/{webhook}/signing_secret"),
                        (w, caller) -> "{}", ADMIN_ONLY_CREATES, "signing_secret", CHANGES_NOTHING),
                new Call("GET /webhooks/{webhook}/invocations", Endpoint.of("GET /api/v2/webhooks/{webhook}/invocations"), null,
                        ADMIN_ONLY, "invocations", CHANGES_NOTHING));
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
        Snapshot before = snapshot(w);

        Reply reply = call.endpoint().send(w.as(caller), Map.of("id", w.ticketId(), "form", SUPPORT_FORM, "field", ORGANIZATION_EMAIL,
                "webhook", webhook()), body);

        Snapshot after = snapshot(w);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.at("/error").stringValue()).isEqualTo(switch (expected) {
                case 401 -> "Unauthorized";
                case 404 -> "RecordNotFound";
                default -> "Forbidden";
            });
            if (expected == 404) { // the same answer as for a ticket that does not exist: the id tells nothing
                Reply missing = call.endpoint().send(w.as(caller), Map.of("id", 999_999_999L), body);
                assertThat(reply.text()).isEqualTo(missing.text().replace("999999999", Long.toString(w.ticketId())));
            }
            assertThat(reply.at("/description").stringValue()).isNotBlank();
            assertThat(after).as("a refused call changes nothing").isEqualTo(before);
        } else {
            assertThat(reply.json().has(call.root())).as(reply.toString()).isTrue();
            call.effect().check(w, caller, reply, before, after);
        }
    }

    private @Nullable String webhook;

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
                .filter(path -> path.matches("/api/v2/(tickets|ticket_forms|ticket_fields)(/.*)?"))
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
