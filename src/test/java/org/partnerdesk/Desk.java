package org.partnerdesk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Arranges the directory in the language of the domain, through the API as the start-up admin:
 * {@code desk.aCustomer()}, {@code desk.aPartner("select")}, {@code desk.endUserIn(org)}.
 */
public final class Desk {

    private final String baseUrl;
    public final ApiClient admin;
    private final java.util.Set<Long> allianceOrganizations = new java.util.HashSet<>();
    private @Nullable ApiClient supportManager;

    public Desk(String baseUrl) {
        this.baseUrl = baseUrl;
        this.admin = ApiClient.withToken(baseUrl, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
    }

    /** A user with an API token, ready to call the API as itself. */
    public record Account(long id, String email, @Nullable Long organizationId, ApiClient api) {
    }

    public record Org(long id, String name, String domain) {
    }

    public ApiClient anonymous() {
        return ApiClient.anonymous(baseUrl);
    }

    public static String unique(String word) {
        return word + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Org aCustomer() {
        return organization("customer", null);
    }

    public Org aPartner(String track) {
        return organization("partner", track);
    }

    public Org anInternalOrganization() {
        return organization("internal", null);
    }

    public Org organization(String type, @Nullable String track) {
        String name = unique(type + (track == null ? "" : "-" + track));
        String domain = name.toLowerCase() + ".test";
        String trackJson = track == null ? "null" : "\"" + track + "\"";
        ApiClient.Reply reply = admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","domain_names":["%s"],"organization_fields":{"org_type":"%s","partner_track":%s}}}"""
                .formatted(name, domain, type, trackJson));
        expectCreated(reply);
        long id = reply.id("organization");
        if ("alliance".equals(track)) {
            allianceOrganizations.add(id);
        }
        return new Org(id, name, domain);
    }

    public Account endUserIn(Org org) {
        return user("end-user", org);
    }

    public Account agent() {
        return user("agent", null);
    }

    public Account anAdmin() {
        return user("admin", null);
    }

    public Account stranger() {
        return user("end-user", null);
    }

    public Account user(String role, @Nullable Org org) {
        String email = unique(role).toLowerCase() + "@" + (org == null ? "people.test" : org.domain());
        String orgJson = org == null ? "null" : Long.toString(org.id());
        // DIR-4: only a support manager puts people into an alliance partner's organization
        ApiClient creator = org != null && allianceOrganizations.contains(org.id()) ? supportManager() : admin;
        ApiClient.Reply reply = creator.post("/api/v2/users", """
                {"user":{"name":"%s","email":"%s","role":"%s","organization_id":%s}}""".formatted(email, email, role, orgJson));
        expectCreated(reply);
        long id = reply.id("user");
        return new Account(id, email, org == null ? null : org.id(), ApiClient.withToken(baseUrl, email, tokenFor(id)));
    }

    /** An admin in Support Managers, made on first use. */
    public ApiClient supportManager() {
        if (supportManager == null) {
            Account manager = user("admin", null);
            addToGroup(manager, "Support Managers");
            supportManager = manager.api();
        }
        return supportManager;
    }

    public String tokenFor(long userId) {
        ApiClient.Reply reply = admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"test"}}""".formatted(userId));
        expectCreated(reply);
        return reply.at("/api_token/token").stringValue();
    }

    public long groupId(String name) {
        for (var group : admin.get("/api/v2/groups").json().get("groups")) {
            if (group.get("name").stringValue().equals(name)) {
                return group.get("id").longValue();
            }
        }
        throw new IllegalStateException("no group " + name);
    }

    public void addToGroup(Account account, String group) {
        expectCreated(admin.post("/api/v2/group_memberships", """
                {"group_membership":{"user_id":%d,"group_id":%d}}""".formatted(account.id(), groupId(group))));
    }

    private static void expectCreated(ApiClient.Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("expected 201, got " + reply);
        }
    }

    // --- ticket fixtures (issue #3) ---

    public static final long SUPPORT_FORM = 426148L;
    public static final long OPEN_PARTNER_FORM = 360000818199L;
    public static final long SELECT_PARTNER_FORM = 360000837100L;
    public static final long ALLIANCE_PARTNER_FORM = 360001172559L;
    public static final long ORGANIZATION_EMAIL = 360012194200L;
    public static final long CUSTOMER_NAME = 360012167579L;
    public static final long PARTNER_TROUBLESHOOTING = 360012194220L;
    public static final long PARTNER_ENGAGEMENT = 360012194240L;
    public static final long CC_PARTNER = 360012194260L;
    public static final long ALLIANCE_TICKET_ID = 360012194280L;

    /** A subscription running from last year to next year. */
    public long subscribe(Org org, String plan) {
        return subscribe(org, plan, java.time.LocalDate.now().minusYears(1), java.time.LocalDate.now().plusYears(1));
    }

    public long subscribe(Org org, String plan, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        ApiClient.Reply reply = admin.post("/api/v2/subscriptions", """
                {"subscription":{"organization_id":%d,"plan":"%s","seats":10,"starts_on":"%s","ends_on":"%s"}}"""
                .formatted(org.id(), plan, startsOn, endsOn));
        expectCreated(reply);
        return reply.id("subscription");
    }

    public long nfrLicense(Org partner, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        ApiClient.Reply reply = admin.post("/api/v2/nfr_licenses", """
                {"nfr_license":{"organization_id":%d,"plan":"ultimate","users":10,"starts_on":"%s","ends_on":"%s"}}"""
                .formatted(partner.id(), startsOn, endsOn));
        expectCreated(reply);
        return reply.id("nfr_license");
    }
}
