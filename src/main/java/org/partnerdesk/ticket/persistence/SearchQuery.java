package org.partnerdesk.ticket.persistence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.StorableText;
import org.partnerdesk.api.SupportedDates;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.TicketTag;
import org.partnerdesk.ticket.TicketType;

/**
 * TKT-6: the subset of Zendesk's search syntax the desk understands, read into SQL conditions over the
 * {@code tickets} columns. Words and "quoted phrases" search subjects and comments (all must match);
 * {@code field:value} terms filter; a leading {@code -} excludes. User input only ever becomes a bound
 * parameter: the SQL text is assembled from the fixed fragments below.
 */
public final class SearchQuery {

    static final String CONFIG = "english"; // the configuration V21 indexes with
    /** Stands for the searcher's vector in text conditions: every comment for agents, public ones for others (V21). */
    static final String VECTOR = "{vector}";
    private static final int MAX_LENGTH = 1000;
    private static final int MAX_TERMS = 30;
    private static final List<String> STATUSES = TicketStatus.codes();
    private static final List<String> PRIORITIES = TicketPriority.codes();
    private static final Set<String> TICKET_TYPES = Set.copyOf(TicketType.codes());
    private static final Set<String> RESULT_TYPES = Set.of("ticket", "user", "organization", "group");
    private static final Pattern FIELD = Pattern.compile("[a-z_]+");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final String FIELDS = "type, status, priority, ticket_type, requester, submitter, assignee, organization, "
            + "partner, flag, tags, form, group, created, updated";
    private static final String END_USER_FIELDS = FIELDS.replace("flag, ", "");
    /**
     * Terms over what only staff read (#10 item 14): the entitlement decision (SPEC 2), whose flags staff search by;
     * the others name its parts, refused to end users before they are found unknown.
     */
    private static final Set<String> STAFF_TERMS = Set.of("flag", "flags", "entitlement", "support_level", "served_under",
            "support_tier", "plan");
    private static final Map<String, String> DATES = Map.of("created", "created_at", "updated", "updated_at");

    /** One condition: a fixed SQL fragment and the values it binds. */
    record Condition(String sql, Map<String, Object> params) {

        /** The same condition with its parameters renamed ({@code :v} to {@code :c3_v}), so conditions can stand side by side. */
        Condition numbered(int index) {
            return prefixed("c" + index + "_");
        }

        Condition prefixed(String prefix) {
            Map<String, Object> renamed = new LinkedHashMap<>();
            String renamedSql = sql;
            for (Map.Entry<String, Object> param : params.entrySet()) {
                renamed.put(prefix + param.getKey(), param.getValue());
                renamedSql = renamedSql.replaceAll(":" + param.getKey() + "\\b", ":" + prefix + param.getKey());
            }
            return new Condition(renamedSql, renamed);
        }

        /** Zendesk ORs repeated {@code field:value} terms of one field: {@code status:open status:pending}. */
        static Condition anyOf(List<Condition> alternatives) {
            if (alternatives.size() == 1) {
                return alternatives.getFirst();
            }
            List<String> sql = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < alternatives.size(); i++) {
                Condition alternative = alternatives.get(i).prefixed("a" + i + "_");
                sql.add("(" + alternative.sql() + ")");
                params.putAll(alternative.params());
            }
            return new Condition("(" + String.join(" or ", sql) + ")", params);
        }
    }

    private final String resultType;
    private final List<Condition> conditions;
    private final List<String> words;
    private final List<String> phrases;

    private SearchQuery(String resultType, List<Condition> conditions, List<String> words, List<String> phrases) {
        this.resultType = resultType;
        this.conditions = List.copyOf(conditions);
        this.words = List.copyOf(words);
        this.phrases = List.copyOf(phrases);
    }

    /**
     * Reads a query; an unknown field, value or operator is a 400 that says what the desk understands, and so is a term
     * over staff-only facts from a searcher who is not staff.
     */
    public static SearchQuery parse(@Nullable String query, long searcherId, boolean searcherIsStaff) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("InvalidSearch", "query is required: words, \"quoted phrases\" or field terms such as status:open.");
        }
        if (query.length() > MAX_LENGTH) {
            throw ApiException.badRequest("InvalidSearch", "query is too long (maximum is " + MAX_LENGTH + " characters).");
        }
        if (!StorableText.isStorable(query)) { // QueryTextFilter refuses it over HTTP already; a query is bound as SQL text
            throw ApiException.badRequest("InvalidSearch", "query " + StorableText.PROBLEM + ".");
        }
        return new Reader(query, searcherId, searcherIsStaff).read();
    }

    /** {@code ticket}, or another Zendesk result type the desk does not search yet ({@code user}, …). */
    public boolean findsTickets() {
        return resultType.equals("ticket");
    }

    List<Condition> conditions() {
        return conditions;
    }

    boolean hasText() {
        return !words.isEmpty() || !phrases.isEmpty();
    }

    /**
     * The full-text part as one tsquery expression over bound values: all words, and each phrase in order.
     * Its parameters are {@code w} and {@code p0…}.
     */
    Condition textQuery() {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!words.isEmpty()) {
            parts.add("plainto_tsquery('" + CONFIG + "', :w)");
            params.put("w", String.join(" ", words));
        }
        for (int i = 0; i < phrases.size(); i++) {
            parts.add("phraseto_tsquery('" + CONFIG + "', :p" + i + ")");
            params.put("p" + i, phrases.get(i));
        }
        return new Condition(String.join(" && ", parts), params);
    }

    /** {@code sort_by} and {@code sort_order} within the newest matches: relevance then latest change by default, as Zendesk. */
    public record Order(@Nullable String column, boolean ascending) {

        private static final Map<String, String> COLUMNS = Map.of(
                "created_at", "created_at",
                "updated_at", "updated_at",
                "priority", "array_position(array['low', 'normal', 'high', 'urgent'], priority)",
                "status", "array_position(array['new', 'open', 'pending', 'hold', 'solved', 'closed'], status)",
                "ticket_type", "type");

        public static Order of(@Nullable String sortBy, @Nullable String sortOrder) {
            String column = null;
            if (sortBy != null && !sortBy.isBlank() && !sortBy.equals("relevance")) {
                column = COLUMNS.get(sortBy.strip().toLowerCase(Locale.ROOT));
                if (column == null) {
                    throw ApiException.badRequest("InvalidSearch", "sort_by must be one of created_at, updated_at, priority, status, "
                            + "ticket_type (relevance when absent).");
                }
            }
            boolean ascending = false;
            if (sortOrder != null && !sortOrder.isBlank()) {
                switch (sortOrder.strip().toLowerCase(Locale.ROOT)) {
                    case "asc" -> ascending = true;
                    case "desc" -> ascending = false;
                    default -> throw ApiException.badRequest("InvalidSearch", "sort_order must be asc or desc.");
                }
            }
            return new Order(column, ascending);
        }

        /** Which end of the id order the result window is taken from: the oldest only when sorted by creation, ascending. */
        String windowDirection() {
            return ascending && "created_at".equals(column) ? "asc" : "desc";
        }

        String sql(boolean ranked) {
            String direction = ascending ? " asc" : " desc";
            if (column == null) {
                return (ranked ? "rank desc, " : "") + "updated_at desc, id desc";
            }
            return column + direction + " nulls last, id" + direction;
        }
    }

    /** Reads the query left to right: {@code -}? then a "phrase", a field:value term, or a word. */
    private static final class Reader {
        private final String text;
        private final long searcherId;
        private final boolean searcherIsStaff;
        private int at;
        private int terms;
        private String resultType = "ticket";
        private final List<Condition> conditions = new ArrayList<>();
        /** Positive {@code field:value} terms by field, ORed when a field repeats. */
        private final Map<String, List<Condition>> alternatives = new LinkedHashMap<>();
        private final List<String> words = new ArrayList<>();
        private final List<String> phrases = new ArrayList<>();

        Reader(String text, long searcherId, boolean searcherIsStaff) {
            this.text = text;
            this.searcherId = searcherId;
            this.searcherIsStaff = searcherIsStaff;
        }

        SearchQuery read() {
            while (skipSpaces()) {
                if (++terms > MAX_TERMS) {
                    throw ApiException.badRequest("InvalidSearch", "query has more than " + MAX_TERMS + " terms.");
                }
                boolean excluded = text.charAt(at) == '-' && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1));
                if (excluded) {
                    at++;
                }
                if (text.charAt(at) == '"') {
                    text(quoted(), true, excluded);
                    continue;
                }
                int start = at;
                while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && ":<>=\"".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                String name = text.substring(start, at).toLowerCase(Locale.ROOT);
                String operator = operator();
                if (operator != null && FIELD.matcher(name).matches()) {
                    String value = at < text.length() && text.charAt(at) == '"' ? quoted() : bare();
                    if (value.isBlank()) {
                        throw ApiException.badRequest("InvalidSearch", "\"" + name + operator + "\" needs a value.");
                    }
                    term(name, operator, value.strip(), excluded);
                } else {
                    at = start;
                    text(bare(), false, excluded);
                }
            }
            alternatives.values().forEach(same -> conditions.add(Condition.anyOf(same)));
            return new SearchQuery(resultType, conditions, words, phrases);
        }

        private void text(String value, boolean phrase, boolean excluded) {
            if (value.isBlank()) {
                return;
            }
            if (excluded) {
                conditions.add(new Condition("not (" + VECTOR + " @@ phraseto_tsquery('" + CONFIG + "', :v))", Map.of("v", value)));
            } else if (phrase) {
                phrases.add(value);
            } else {
                words.add(value);
            }
        }

        private void term(String field, String operator, String value, boolean excluded) {
            if (field.equals("type")) {
                String type = value.toLowerCase(Locale.ROOT);
                if (excluded || !operator.equals(":") || !RESULT_TYPES.contains(type)) {
                    throw ApiException.badRequest("InvalidSearch", "type: takes one of " + sorted(RESULT_TYPES) + ", as in type:ticket.");
                }
                resultType = type;
                return;
            }
            // #10 item 14: a filter over a staff-only fact would tell an end user that fact, ticket by ticket
            if (STAFF_TERMS.contains(field) && !searcherIsStaff) {
                throw ApiException.badRequest("InvalidSearch", "\"" + field + ":\" is a search term for staff: it searches the"
                        + " entitlement decision, which only agents read (SPEC 2). Search by " + END_USER_FIELDS + " instead.");
            }
            Condition condition = switch (field) {
                case "status" -> ordered(field, operator, value, STATUSES, "status");
                case "priority" -> ordered(field, operator, value, PRIORITIES, "priority");
                case "ticket_type" -> equalTo(field, operator, value, TICKET_TYPES, "type");
                case "requester" -> person("requester_id", operator, value);
                case "submitter" -> person("submitter_id", operator, value);
                case "assignee" -> person("assignee_id", operator, value);
                case "organization" -> named(field, operator, value, "organization_id",
                        "organization_id in (select o.id from organizations o where ", ")");
                // the partner is the submitter's organization when it is a partner (ENT-1..6)
                case "partner" -> named(field, operator, value, "submitter_id in (select m.user_id from organization_memberships m"
                                + " join organizations o on o.id = m.organization_id where o.org_type = 'partner' and o.id = :v)",
                        "submitter_id in (select m.user_id from organization_memberships m join organizations o"
                                + " on o.id = m.organization_id where o.org_type = 'partner' and ", ")");
                case "flag", "flags" -> flag(operator, value);
                case "tags", "tag" -> {
                    requireColon(field, operator);
                    // issue #17: tags are stored as Zendesk keeps them, so tags:VIP finds vip
                    yield new Condition("tags @> array[cast(:v as text)]", Map.of("v", TicketTag.of(value).name()));
                }
                case "form" -> {
                    requireColon(field, operator);
                    yield ID.matcher(value).matches()
                            ? new Condition("ticket_form_id = :v", Map.of("v", Long.parseLong(value)))
                            : new Condition("ticket_form_id in (select f.id from ticket_forms f where lower(f.name) = lower(:v))", Map.of("v", value));
                }
                case "created", "updated" -> date(field, operator, value, DATES.get(field));
                case "group" -> {
                    requireColon(field, operator);
                    yield new Condition("group_id in (select g.id from groups g where lower(g.name) = lower(:v))", Map.of("v", value));
                }
                default -> throw ApiException.badRequest("InvalidSearch", "Unknown search term \"" + field + operator + value
                        + "\". Ticket search understands " + (searcherIsStaff ? FIELDS : END_USER_FIELDS)
                        + " (as in status:open or requester:ann@acme.test); "
                        + "words and \"quoted phrases\" search subjects and comments (TKT-6).");
            };
            if (excluded) {
                // a ticket without the field (no organization, say) is one that does not match the excluded value
                conditions.add(new Condition("(" + condition.sql() + ") is not true", condition.params()));
            } else if (operator.equals(":")) {
                String same = switch (field) { // one field by two names
                    case "tag" -> "tags";
                    case "flags" -> "flag";
                    default -> field;
                };
                alternatives.computeIfAbsent(same, f -> new ArrayList<>()).add(condition);
            } else {
                conditions.add(condition); // comparisons make ranges: status>new status<solved
            }
        }

        /** status and priority: one value, or a range in their natural order ({@code status<solved}). */
        private static Condition ordered(String field, String operator, String value, List<String> order, String column) {
            int index = order.indexOf(value.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw ApiException.badRequest("InvalidSearch", field + " takes one of " + String.join(", ", order) + ", not \"" + value + "\".");
            }
            List<String> matching = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                boolean in = switch (operator) {
                    case "<" -> i < index;
                    case "<=" -> i <= index;
                    case ">" -> i > index;
                    case ">=" -> i >= index;
                    default -> i == index;
                };
                if (in) {
                    matching.add(order.get(i));
                }
            }
            return matching.isEmpty() ? new Condition("false", Map.of()) : new Condition(column + " in (:v)", Map.of("v", matching));
        }

        private static Condition equalTo(String field, String operator, String value, Set<String> allowed, String column) {
            requireColon(field, operator);
            String wanted = value.toLowerCase(Locale.ROOT);
            if (!allowed.contains(wanted)) {
                throw ApiException.badRequest("InvalidSearch", field + " takes one of " + sorted(allowed) + ", not \"" + value + "\".");
            }
            return new Condition(column + " = :v", Map.of("v", wanted));
        }

        /** requester, submitter, assignee: {@code me}, {@code none}, an id, an e-mail, or a name ({@code *} as wildcard). */
        private Condition person(String column, String operator, String value) {
            requireColon(column.replace("_id", ""), operator);
            if (value.equalsIgnoreCase("me")) {
                return new Condition(column + " = :v", Map.of("v", searcherId));
            }
            if (value.equalsIgnoreCase("none")) {
                return new Condition(column + " is null", Map.of());
            }
            if (ID.matcher(value).matches()) {
                return new Condition(column + " = :v", Map.of("v", Long.parseLong(value)));
            }
            if (value.contains("@")) {
                return value.contains("*")
                        ? new Condition(column + " in (select u.id from users u where lower(u.email) like lower(:v) escape '\\')", Map.of("v", like(value)))
                        : new Condition(column + " in (select u.id from users u where lower(u.email) = lower(:v))", Map.of("v", value));
            }
            return new Condition(column + " in (select u.id from users u where " + matching("u.name", value) + ")", Map.of("v", pattern(value)));
        }

        /** organization and partner: {@code none}, an id, or a name, case-insensitive, {@code *} as wildcard. */
        private static Condition named(String field, String operator, String value, String byId, String byNameStart, String byNameEnd) {
            requireColon(field, operator);
            if (value.equalsIgnoreCase("none")) {
                return byId.equals("organization_id") ? new Condition("organization_id is null", Map.of())
                        : new Condition("submitter_id not in (select m.user_id from organization_memberships m join organizations o"
                                + " on o.id = m.organization_id where o.org_type = 'partner')", Map.of());
            }
            if (ID.matcher(value).matches()) {
                return byId.equals("organization_id") ? new Condition("organization_id = :v", Map.of("v", Long.parseLong(value)))
                        : new Condition(byId, Map.of("v", Long.parseLong(value)));
            }
            return new Condition(byNameStart + matching("o.name", value) + byNameEnd, Map.of("v", pattern(value)));
        }

        /**
         * created and updated: a day ({@code 2026-01-01}, UTC) or a time ({@code 2026-01-01T12:00:00Z}); {@code :} is that
         * day, {@code >} after it, {@code <} before it, {@code >=} and {@code <=} include it.
         */
        private static Condition date(String field, String operator, String value, String column) {
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    if (!SupportedDates.contains(day)) {
                        throw outOfRange(field, value);
                    }
                    OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
                    OffsetDateTime end = start.plusDays(1);
                    return switch (operator) {
                        case ">" -> new Condition(column + " >= :v", Map.of("v", end));
                        case ">=" -> new Condition(column + " >= :v", Map.of("v", start));
                        case "<" -> new Condition(column + " < :v", Map.of("v", start));
                        case "<=" -> new Condition(column + " < :v", Map.of("v", end));
                        default -> new Condition(column + " >= :v and " + column + " < :u", Map.of("v", start, "u", end));
                    };
                }
                OffsetDateTime at = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
                if (!SupportedDates.contains(at.toInstant())) {
                    throw outOfRange(field, value);
                }
                String compare = operator.equals(":") ? "=" : operator;
                return new Condition(column + " " + compare + " :v", Map.of("v", at));
            } catch (DateTimeException e) { // unparsable, or beyond what a date can hold once moved to UTC
                throw ApiException.badRequest("InvalidSearch", field + " takes a date (2026-01-01, UTC) or a time with its offset "
                        + "(2026-01-01T12:00:00Z), as in " + field + ">2026-01-01; not \"" + value + "\".");
            }
        }

        private static ApiException outOfRange(String field, String value) {
            return ApiException.badRequest("InvalidSearch", field + " takes dates " + SupportedDates.RANGE + "; not \"" + value + "\".");
        }

        private static Condition flag(String operator, String value) {
            requireColon("flag", operator);
            String code = value.toLowerCase(Locale.ROOT);
            Set<String> flags = new TreeSet<>(Arrays.stream(Flag.values()).map(Flag::code).toList());
            if (!flags.contains(code)) {
                throw ApiException.badRequest("InvalidSearch", "flag takes one of " + String.join(", ", flags) + ", not \"" + value + "\".");
            }
            return new Condition("flags @> array[cast(:v as text)]", Map.of("v", code));
        }

        private static String matching(String column, String value) {
            return value.contains("*") ? "lower(" + column + ") like lower(:v) escape '\\'" : "lower(" + column + ") = lower(:v)";
        }

        private static String pattern(String value) {
            return value.contains("*") ? like(value) : value;
        }

        /** Zendesk's {@code *} wildcard as a LIKE pattern; the user's own % and _ match themselves. */
        private static String like(String value) {
            return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("*", "%");
        }

        private static void requireColon(String field, String operator) {
            if (!operator.equals(":")) {
                throw ApiException.badRequest("InvalidSearch", field + " takes field:value; only status, priority, created and updated "
                        + "compare with < and >.");
            }
        }

        private static String sorted(Set<String> values) {
            return String.join(", ", new TreeSet<>(values));
        }

        private boolean skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length();
        }

        private @Nullable String operator() {
            if (at >= text.length()) {
                return null;
            }
            char c = text.charAt(at);
            if (c == ':' || c == '=') {
                at++;
                return ":";
            }
            if (c == '<' || c == '>') {
                at++;
                if (at < text.length() && text.charAt(at) == '=') {
                    at++;
                    return c + "=";
                }
                return String.valueOf(c);
            }
            return null;
        }

        /** From an opening quote to the closing one (or the end). */
        private String quoted() {
            int start = ++at;
            while (at < text.length() && text.charAt(at) != '"') {
                at++;
            }
            String value = text.substring(start, at);
            if (at < text.length()) {
                at++;
            }
            return value;
        }

        private String bare() {
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }
    }
}
