package org.partnerdesk.ticket.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.ticket.persistence.SearchQuery.Condition;

/**
 * TKT-6 the search query parser on its own: each term, operator and refusal as one row, asserting the SQL fragment and
 * the values it binds (user input only ever as a parameter) or the exact 400 a searcher reads.
 */
class SearchQueryTest {

    private static final long SEARCHER = 42;
    private static final String STAFF_FIELDS = "type, status, priority, ticket_type, requester, submitter, assignee, "
            + "organization, partner, flag, tags, form, group, created, updated";
    private static final String END_USER_FIELDS = STAFF_FIELDS.replace("flag, ", "");
    private static final String USERS_BY_NAME = "in (select u.id from users u where lower(u.name) = lower(:v))";
    private static final String USERS_BY_NAME_LIKE = "in (select u.id from users u where lower(u.name) like lower(:v) escape '\\')";
    private static final String PARTNER_MEMBERS = "submitter_id in (select m.user_id from organization_memberships m"
            + " join organizations o on o.id = m.organization_id where o.org_type = 'partner' and ";
    private static final String COLON_ONLY = " takes field:value; only status, priority, created and updated compare with < and >.";

    private static SearchQuery staffSearch(String query) {
        return SearchQuery.parse(query, SEARCHER, true);
    }

    private static OffsetDateTime utc(String time) {
        return OffsetDateTime.parse(time);
    }

    private static Arguments term(String query, String sql, Map<String, Object> params) {
        return term(query, query, sql, params);
    }

    private static Arguments term(String name, String query, String sql, Map<String, Object> params) {
        return arguments(name, query, sql, params);
    }

    static Stream<Arguments> oneTerm() {
        return Stream.of(
                // status and priority: one value, or a range in their natural order
                term("status:open", "status in (:v)", Map.of("v", List.of("open"))),
                term("status=Open reads as status:open", "status=Open", "status in (:v)", Map.of("v", List.of("open"))),
                term("status<solved", "status in (:v)", Map.of("v", List.of("new", "open", "pending", "hold"))),
                term("status<=pending", "status in (:v)", Map.of("v", List.of("new", "open", "pending"))),
                term("status>pending", "status in (:v)", Map.of("v", List.of("hold", "solved", "closed"))),
                term("status>=solved", "status in (:v)", Map.of("v", List.of("solved", "closed"))),
                term("status<new", "false", Map.of()),
                term("status>closed", "false", Map.of()),
                term("priority:HIGH", "priority in (:v)", Map.of("v", List.of("high"))),
                term("priority>normal", "priority in (:v)", Map.of("v", List.of("high", "urgent"))),
                term("priority<=low", "priority in (:v)", Map.of("v", List.of("low"))),
                term("priority>=normal", "priority in (:v)", Map.of("v", List.of("normal", "high", "urgent"))),
                term("priority<urgent", "priority in (:v)", Map.of("v", List.of("low", "normal", "high"))),
                // ticket_type: the ticket's own type (type: is the result type)
                term("ticket_type:incident", "type = :v", Map.of("v", "incident")),
                term("ticket_type:Problem", "type = :v", Map.of("v", "problem")),
                // people: me, none, an id, an e-mail (with * as wildcard) or a name
                term("requester:me", "requester_id = :v", Map.of("v", SEARCHER)),
                term("requester:ME", "requester_id = :v", Map.of("v", SEARCHER)),
                term("requester:none", "requester_id is null", Map.of()),
                term("requester:123", "requester_id = :v", Map.of("v", 123L)),
                term("requester:ann@acme.test", "requester_id in (select u.id from users u where lower(u.email) = lower(:v))",
                        Map.of("v", "ann@acme.test")),
                term("requester:*@acme.test", "requester_id in (select u.id from users u where lower(u.email) like lower(:v) escape '\\')",
                        Map.of("v", "%@acme.test")),
                term("requester:\"Ann Able\"", "requester_id " + USERS_BY_NAME, Map.of("v", "Ann Able")),
                term("requester:ann*", "requester_id " + USERS_BY_NAME_LIKE, Map.of("v", "ann%")),
                term("requester:a_b%c\\* keeps % _ \\ literal", "requester:a_b%c\\*", "requester_id " + USERS_BY_NAME_LIKE, Map.of("v", "a\\_b\\%c\\\\%")),
                term("a 19-digit id is a name", "requester:1234567890123456789", "requester_id " + USERS_BY_NAME, Map.of("v", "1234567890123456789")),
                term("submitter:me", "submitter_id = :v", Map.of("v", SEARCHER)),
                term("submitter:7", "submitter_id = :v", Map.of("v", 7L)),
                term("assignee:none", "assignee_id is null", Map.of()),
                term("assignee:Sam", "assignee_id " + USERS_BY_NAME, Map.of("v", "Sam")),
                // organization and partner: none, an id, or a name with * as wildcard
                term("organization:none", "organization_id is null", Map.of()),
                term("organization:7", "organization_id = :v", Map.of("v", 7L)),
                term("organization:\"Acme, Inc.\"", "organization_id in (select o.id from organizations o where lower(o.name) = lower(:v))",
                        Map.of("v", "Acme, Inc.")),
                term("organization:acme*", "organization_id in (select o.id from organizations o where lower(o.name) like lower(:v) escape '\\')",
                        Map.of("v", "acme%")),
                term("partner:none", "submitter_id not in (select m.user_id from organization_memberships m join organizations o"
                        + " on o.id = m.organization_id where o.org_type = 'partner')", Map.of()),
                term("partner:9", PARTNER_MEMBERS + "o.id = :v)", Map.of("v", 9L)),
                term("partner:ResellCo", PARTNER_MEMBERS + "lower(o.name) = lower(:v))", Map.of("v", "ResellCo")),
                term("partner:resell*", PARTNER_MEMBERS + "lower(o.name) like lower(:v) escape '\\')", Map.of("v", "resell%")),
                // flag (staff), tags, form, group
                term("flag:needs_org", "flags @> array[cast(:v as text)]", Map.of("v", "needs_org")),
                term("flags:CLARIFY", "flags @> array[cast(:v as text)]", Map.of("v", "clarify")),
                term("flag:no_entitlement", "flags @> array[cast(:v as text)]", Map.of("v", "no_entitlement")),
                term("flag:customer_cc_missing", "flags @> array[cast(:v as text)]", Map.of("v", "customer_cc_missing")),
                term("tags:vip", "tags @> array[cast(:v as text)]", Map.of("v", "vip")),
                term("tag:VIP finds the tag as stored, lowercase (issue #17)", "tag:VIP", "tags @> array[cast(:v as text)]", Map.of("v", "vip")),
                term("form:12", "ticket_form_id = :v", Map.of("v", 12L)),
                term("form:\"Partner intake\"", "ticket_form_id in (select f.id from ticket_forms f where lower(f.name) = lower(:v))",
                        Map.of("v", "Partner intake")),
                term("group:\"Tier 2\"", "group_id in (select g.id from groups g where lower(g.name) = lower(:v))", Map.of("v", "Tier 2")),
                // created and updated: a day (UTC) or a time with its offset
                term("created:2026-01-01", "created_at >= :v and created_at < :u",
                        Map.of("v", utc("2026-01-01T00:00Z"), "u", utc("2026-01-02T00:00Z"))),
                term("created>2026-01-01", "created_at >= :v", Map.of("v", utc("2026-01-02T00:00Z"))),
                term("created>=2026-01-01", "created_at >= :v", Map.of("v", utc("2026-01-01T00:00Z"))),
                term("created<2026-01-01", "created_at < :v", Map.of("v", utc("2026-01-01T00:00Z"))),
                term("created<=2026-01-01", "created_at < :v", Map.of("v", utc("2026-01-02T00:00Z"))),
                term("created>=1900-01-01", "created_at >= :v", Map.of("v", utc("1900-01-01T00:00Z"))),
                term("created<=9999-12-31", "created_at < :v", Map.of("v", utc("+10000-01-01T00:00Z"))),
                term("updated:2026-01-01T12:00:00Z", "updated_at = :v", Map.of("v", utc("2026-01-01T12:00Z"))),
                term("updated<2026-01-01T12:00:00+02:00", "updated_at < :v", Map.of("v", utc("2026-01-01T10:00Z"))),
                term("updated>=2026-01-01T12:00:00-05:00", "updated_at >= :v", Map.of("v", utc("2026-01-01T17:00Z"))),
                term("updated>1900-01-01T00:00:00Z", "updated_at > :v", Map.of("v", utc("1900-01-01T00:00Z"))),
                term("updated<=9999-12-31T23:59:59Z", "updated_at <= :v", Map.of("v", utc("9999-12-31T23:59:59Z"))),
                // a leading - excludes: a ticket without the field does not match the excluded value
                term("-status:open", "(status in (:v)) is not true", Map.of("v", List.of("open"))),
                term("-organization:none", "(organization_id is null) is not true", Map.of()),
                term("-tags:spam", "(tags @> array[cast(:v as text)]) is not true", Map.of("v", "spam")),
                term("-created<2026-01-01", "(created_at < :v) is not true", Map.of("v", utc("2026-01-01T00:00Z"))),
                term("-refund excludes a word", "-refund", "not ({vector} @@ phraseto_tsquery('english', :v))", Map.of("v", "refund")),
                term("-\"on hold\" excludes a phrase", "-\"on hold\"", "not ({vector} @@ phraseto_tsquery('english', :v))", Map.of("v", "on hold")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneTerm")
    void aTermBecomesOneConditionOverBoundValues(String name, String query, String sql, Map<String, Object> params) {
        SearchQuery parsed = staffSearch(query);
        assertThat(parsed.conditions()).containsExactly(new Condition(sql, params));
        assertThat(parsed.hasText()).isFalse();
        assertThat(parsed.findsTickets()).isTrue();
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                arguments("status:open status:pending", List.of(new Condition("((status in (:a0_v)) or (status in (:a1_v)))",
                        Map.of("a0_v", List.of("open"), "a1_v", List.of("pending"))))),
                arguments("tag:a tags:b", List.of(new Condition("((tags @> array[cast(:a0_v as text)]) or (tags @> array[cast(:a1_v as text)]))",
                        Map.of("a0_v", "a", "a1_v", "b")))),
                arguments("flag:clarify flags:needs_org", List.of(new Condition(
                        "((flags @> array[cast(:a0_v as text)]) or (flags @> array[cast(:a1_v as text)]))",
                        Map.of("a0_v", "clarify", "a1_v", "needs_org")))),
                arguments("created:2026-01-01 created:2026-02-01", List.of(new Condition(
                        "((created_at >= :a0_v and created_at < :a0_u) or (created_at >= :a1_v and created_at < :a1_u))",
                        Map.of("a0_v", utc("2026-01-01T00:00Z"), "a0_u", utc("2026-01-02T00:00Z"),
                                "a1_v", utc("2026-02-01T00:00Z"), "a1_u", utc("2026-02-02T00:00Z"))))),
                arguments("status:open priority:high", List.of(new Condition("status in (:v)", Map.of("v", List.of("open"))),
                        new Condition("priority in (:v)", Map.of("v", List.of("high"))))),
                arguments("status>new status<solved", List.of(new Condition("status in (:v)", Map.of("v", List.of("open", "pending", "hold", "solved", "closed"))),
                        new Condition("status in (:v)", Map.of("v", List.of("new", "open", "pending", "hold"))))),
                arguments("-status:open -status:solved", List.of(new Condition("(status in (:v)) is not true", Map.of("v", List.of("open"))),
                        new Condition("(status in (:v)) is not true", Map.of("v", List.of("solved"))))),
                arguments("status:open -status:solved", List.of(new Condition("(status in (:v)) is not true", Map.of("v", List.of("solved"))),
                        new Condition("status in (:v)", Map.of("v", List.of("open"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void repeatedFieldsAreOredAndDifferentFieldsAnded(String query, List<Condition> conditions) {
        assertThat(staffSearch(query).conditions()).containsExactlyElementsOf(conditions);
    }

    static Stream<Arguments> freeText() {
        return Stream.of(
                arguments("printer jam", "plainto_tsquery('english', :w)", Map.of("w", "printer jam")),
                arguments("\"printer jam\"", "phraseto_tsquery('english', :p0)", Map.of("p0", "printer jam")),
                arguments("toner \"printer jam\" \"paper tray\"",
                        "plainto_tsquery('english', :w) && phraseto_tsquery('english', :p0) && phraseto_tsquery('english', :p1)",
                        Map.of("w", "toner", "p0", "printer jam", "p1", "paper tray")),
                arguments("\"an unclosed phrase", "phraseto_tsquery('english', :p0)", Map.of("p0", "an unclosed phrase")),
                arguments("call at 10:30", "plainto_tsquery('english', :w)", Map.of("w", "call at 10:30")),
                arguments("1<2 and 2>=1", "plainto_tsquery('english', :w)", Map.of("w", "1<2 and 2>=1")),
                arguments("- alone is a word", "plainto_tsquery('english', :w)", Map.of("w", "- alone is a word")),
                arguments("a :word is a word", "plainto_tsquery('english', :w)", Map.of("w", "a :word is a word")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("freeText")
    void wordsAndPhrasesSearchTheText(String query, String sql, Map<String, Object> params) {
        SearchQuery parsed = staffSearch(query);
        assertThat(parsed.conditions()).isEmpty();
        assertThat(parsed.hasText()).isTrue();
        assertThat(parsed.textQuery()).isEqualTo(new Condition(sql, params));
    }

    @Test
    void anEmptyPhraseSearchesNothing() {
        SearchQuery parsed = staffSearch("\"\" status:open");
        assertThat(parsed.hasText()).isFalse();
        assertThat(parsed.conditions()).hasSize(1);
    }

    @Test
    void thirtyTermsAndAThousandCharactersAreRead() {
        assertThat(staffSearch("w ".repeat(30)).textQuery().params()).containsEntry("w", String.join(" ", List.of("w", "w", "w", "w", "w",
                "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w")));
        assertThat(staffSearch("a".repeat(1000)).hasText()).isTrue();
    }

    @ParameterizedTest(name = "{0} finds tickets: {1}")
    @CsvSource({"type:ticket, true", "type:Ticket, true", "type:user, false", "type:organization, false", "type:group, false",
            "type:user status:open, false"})
    void typeNamesTheResultType(String query, boolean findsTickets) {
        assertThat(staffSearch(query).findsTickets()).isEqualTo(findsTickets);
        assertThat(SearchQuery.parse(query, SEARCHER, false).findsTickets()).isEqualTo(findsTickets);
    }

    @ParameterizedTest(name = "end user: {0}")
    @CsvSource({"flag:needs_org, flag", "flags:clarify, flags", "-flag:needs_org, flag", "flag>x, flag", "entitlement:priority, entitlement",
            "support_level:priority, support_level", "served_under:partner_program, served_under", "support_tier:gold, support_tier",
            "plan:enterprise, plan"})
    void termsOverTheEntitlementDecisionAreForStaff(String query, String field) {
        assertThatThrownBy(() -> SearchQuery.parse(query, SEARCHER, false)).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertRefusal(refusal, "\"" + field + ":\" is a search term for staff: it searches the entitlement decision,"
                        + " which only agents read (SPEC 2). Search by " + END_USER_FIELDS + " instead."));
    }

    @Test
    void endUsersSearchEveryOtherTerm() {
        SearchQuery parsed = SearchQuery.parse("status:open requester:me tags:vip created>2026-01-01 printer", SEARCHER, false);
        assertThat(parsed.conditions()).hasSize(4);
        assertThat(parsed.hasText()).isTrue();
    }

    static Stream<Arguments> refusals() {
        String unknown = "\". Ticket search understands " + STAFF_FIELDS + " (as in status:open or requester:ann@acme.test); "
                + "words and \"quoted phrases\" search subjects and comments (TKT-6).";
        String dateFormat = " takes a date (2026-01-01, UTC) or a time with its offset (2026-01-01T12:00:00Z), as in ";
        return Stream.of(
                arguments("blank", "   ", "query is required: words, \"quoted phrases\" or field terms such as status:open."),
                arguments("too long", "a".repeat(1001), "query is too long (maximum is 1000 characters)."),
                arguments("a NUL", "printer\u0000jam",
                        "query holds a NUL character (\\u0000) or an unpaired surrogate, which the desk cannot store."),
                arguments("an unpaired surrogate", "printer \uD800",
                        "query holds a NUL character (\\u0000) or an unpaired surrogate, which the desk cannot store."),
                arguments("31 terms", "w ".repeat(31), "query has more than 30 terms."),
                arguments("status: without a value", "status:", "\"status:\" needs a value."),
                arguments("created> without a value", "created> printer", "\"created>\" needs a value."),
                arguments("an empty quoted value", "tags:\"  \"", "\"tags:\" needs a value."),
                arguments("a word ending in : reads as a term without value", "Re: printer", "\"re:\" needs a value."),
                arguments("a word with < reads as a comparison", "x<y>z", "Unknown search term \"x<y>z" + unknown),
                arguments("unknown term", "foo:bar", "Unknown search term \"foo:bar" + unknown),
                arguments("unknown term with <", "brand<3", "Unknown search term \"brand<3" + unknown),
                arguments("excluded unknown term", "-Foo:bar", "Unknown search term \"foo:bar" + unknown),
                arguments("a url reads as a term", "http://example.test", "Unknown search term \"http://example.test" + unknown),
                arguments("staff ask for the decision's parts", "plan:enterprise", "Unknown search term \"plan:enterprise" + unknown),
                arguments("type: excluded", "-type:ticket", "type: takes one of group, organization, ticket, user, as in type:ticket."),
                arguments("type compared", "type>ticket", "type: takes one of group, organization, ticket, user, as in type:ticket."),
                arguments("type unknown", "type:robot", "type: takes one of group, organization, ticket, user, as in type:ticket."),
                arguments("status unknown", "status:bogus", "status takes one of new, open, pending, hold, solved, closed, not \"bogus\"."),
                arguments("status range over an unknown value", "status<later",
                        "status takes one of new, open, pending, hold, solved, closed, not \"later\"."),
                arguments("priority unknown", "priority:asap", "priority takes one of low, normal, high, urgent, not \"asap\"."),
                arguments("ticket_type unknown", "ticket_type:bug", "ticket_type takes one of incident, problem, question, task, not \"bug\"."),
                arguments("flag unknown", "flag:vip", "flag takes one of clarify, customer_cc_missing, needs_org, no_entitlement, not \"vip\"."),
                arguments("ticket_type compared", "ticket_type>incident", "ticket_type" + COLON_ONLY),
                arguments("requester compared", "requester>5", "requester" + COLON_ONLY),
                arguments("submitter compared", "submitter<=me", "submitter" + COLON_ONLY),
                arguments("assignee compared", "assignee<me", "assignee" + COLON_ONLY),
                arguments("organization compared", "organization>1", "organization" + COLON_ONLY),
                arguments("partner compared", "partner<resellco", "partner" + COLON_ONLY),
                arguments("flag compared", "flag>=clarify", "flag" + COLON_ONLY),
                arguments("flags compared", "flags<clarify", "flag" + COLON_ONLY),
                arguments("tags compared", "tags>vip", "tags" + COLON_ONLY),
                arguments("tag compared", "tag<vip", "tag" + COLON_ONLY),
                arguments("form compared", "form>1", "form" + COLON_ONLY),
                arguments("group compared", "group>=tier2", "group" + COLON_ONLY),
                arguments("a word for a date", "created:yesterday", "created" + dateFormat + "created>2026-01-01; not \"yesterday\"."),
                arguments("a relative date", "created>2hours", "created" + dateFormat + "created>2026-01-01; not \"2hours\"."),
                arguments("a relative day", "updated>-7d", "updated" + dateFormat + "updated>2026-01-01; not \"-7d\"."),
                arguments("no such month", "updated:2026-13-01", "updated" + dateFormat + "updated>2026-01-01; not \"2026-13-01\"."),
                arguments("a time without its offset", "updated>2026-01-01T12:00:00",
                        "updated" + dateFormat + "updated>2026-01-01; not \"2026-01-01T12:00:00\"."),
                arguments("a time beyond what UTC holds", "created<+999999999-12-31T23:59:59-18:00",
                        "created" + dateFormat + "created>2026-01-01; not \"+999999999-12-31T23:59:59-18:00\"."),
                arguments("a day before 1900", "created:1899-12-31", "created takes dates from 1900-01-01 to 9999-12-31; not \"1899-12-31\"."),
                arguments("a time before 1900", "updated>1899-12-31T23:59:59Z",
                        "updated takes dates from 1900-01-01 to 9999-12-31; not \"1899-12-31T23:59:59Z\"."),
                arguments("a time after 9999 in UTC", "updated<9999-12-31T23:00:00-02:00",
                        "updated takes dates from 1900-01-01 to 9999-12-31; not \"9999-12-31T23:00:00-02:00\"."),
                arguments("a year after 9999", "created>+10000-01-01T00:00:00Z",
                        "created takes dates from 1900-01-01 to 9999-12-31; not \"+10000-01-01T00:00:00Z\"."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aQueryTheDeskCannotReadIsA400SayingWhatItUnderstands(String name, String query, String description) {
        assertThatThrownBy(() -> staffSearch(query)).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertRefusal(refusal, description));
    }

    @Test
    void endUsersAreToldTheTermsTheyMayUse() {
        assertThatThrownBy(() -> SearchQuery.parse("foo:bar", SEARCHER, false)).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertRefusal(refusal, "Unknown search term \"foo:bar\". Ticket search understands " + END_USER_FIELDS
                        + " (as in status:open or requester:ann@acme.test); words and \"quoted phrases\" search subjects and comments (TKT-6)."));
    }

    @Test
    void aMissingQueryIsA400() {
        assertThatThrownBy(() -> SearchQuery.parse(null, SEARCHER, true)).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertRefusal(refusal, "query is required: words, \"quoted phrases\" or field terms such as status:open."));
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                arguments("relevance by default", null, null, "rank desc, updated_at desc, id desc", "desc"),
                arguments("relevance named", "relevance", "asc", "rank desc, updated_at desc, id desc", "desc"),
                arguments("created_at asc", "created_at", "asc", "created_at asc nulls last, id asc", "asc"),
                arguments("created_at desc", " Created_At ", " DESC ", "created_at desc nulls last, id desc", "desc"),
                arguments("updated_at asc", "updated_at", "asc", "updated_at asc nulls last, id asc", "desc"),
                arguments("priority", "priority", "", "array_position(array['low', 'normal', 'high', 'urgent'], priority) desc nulls last, id desc",
                        "desc"),
                arguments("status asc", "status", "asc",
                        "array_position(array['new', 'open', 'pending', 'hold', 'solved', 'closed'], status) asc nulls last, id asc", "desc"),
                arguments("ticket_type", "ticket_type", "desc", "type desc nulls last, id desc", "desc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void sortByAndSortOrderPickTheOrder(String name, String sortBy, String sortOrder, String sql, String window) {
        SearchQuery.Order order = SearchQuery.Order.of(sortBy, sortOrder);
        assertThat(order.sql(true)).isEqualTo(sql);
        assertThat(order.windowDirection()).isEqualTo(window);
    }

    @Test
    void withoutWordsTheDefaultOrderIsTheLatestChange() {
        assertThat(SearchQuery.Order.of(null, null).sql(false)).isEqualTo("updated_at desc, id desc");
    }

    @ParameterizedTest(name = "sort_by={0} sort_order={1}")
    @CsvSource(value = {"subject, asc, 'sort_by must be one of created_at, updated_at, priority, status, ticket_type (relevance when absent).'",
            "id, '', 'sort_by must be one of created_at, updated_at, priority, status, ticket_type (relevance when absent).'",
            "priority, up, sort_order must be asc or desc.", "'', ascending, sort_order must be asc or desc."})
    void anUnknownSortIsA400(String sortBy, String sortOrder, String description) {
        assertThatThrownBy(() -> SearchQuery.Order.of(sortBy, sortOrder)).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertRefusal(refusal, description));
    }

    private static void assertRefusal(ApiException refusal, String description) {
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.error()).isEqualTo("InvalidSearch");
        assertThat(refusal.description()).isEqualTo(description);
    }
}
