package org.partnerdesk.directory.web;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Upserts;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.directory.Users.Placement;
import org.partnerdesk.jobs.BulkWrite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Issue #17 item 3: one user or organization record of a CRM sync, read as the single POST and PUT read it and written
 * through {@link Users} and {@link Organizations}, so DIR-3 and DIR-4 refuse it as they refuse a single write. Serves the
 * synchronous {@code create_or_update} and, as bulk writes, the records of {@code create_many} and {@code create_or_update_many}.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryRecords {

    private final Users users;
    private final Organizations organizations;
    private final Upserts upserts;

    DirectoryRecords(Users users, Organizations organizations, Upserts upserts) {
        this.users = users;
        this.organizations = organizations;
        this.upserts = upserts;
    }

    record Upserted<T>(T record, boolean created) {
    }

    User createUser(Actor actor, JsonBody user) {
        UserDetails values = UserController.read(user, null);
        Long organizationId = user.id("organization_id");
        user.throwIfInvalid();
        return users.create(actor, values, organizationId);
    }

    Upserted<User> createOrUpdateUser(Actor actor, JsonBody user) {
        User existing = upserts.user(actor, user.text("external_id", 255), user.text("email", 254)).orElse(null);
        if (existing == null) {
            return new Upserted<>(createUser(actor, user), true);
        }
        UserDetails values = UserController.read(user, existing);
        Placement placement = user.has("organization_id") ? new Placement.In(user.id("organization_id")) : new Placement.Keep();
        user.throwIfInvalid();
        return new Upserted<>(users.update(actor, existing.id(), values, placement), false);
    }

    Organization createOrganization(Actor actor, JsonBody organization) {
        return organizations.create(actor, OrganizationController.read(organization, null));
    }

    Upserted<Organization> createOrUpdateOrganization(Actor actor, JsonBody organization) {
        Organization existing = upserts.organization(actor, organization.text("external_id", 255), organization.text("name", 255))
                .orElse(null);
        if (existing == null) {
            return new Upserted<>(createOrganization(actor, organization), true);
        }
        return new Upserted<>(organizations.update(actor, existing.id(), OrganizationController.read(organization, existing)), false);
    }

    @Bean
    BulkWrite createManyUsers() {
        return BulkWrite.of("create_many_users", (actor, record) -> new BulkWrite.Written(createUser(actor, root(record, "user")).id(), true));
    }

    @Bean
    BulkWrite createOrUpdateManyUsers() {
        return BulkWrite.of("create_or_update_many_users", (actor, record) -> written(createOrUpdateUser(actor, root(record, "user"))));
    }

    @Bean
    BulkWrite createManyOrganizations() {
        return BulkWrite.of("create_many_organizations",
                (actor, record) -> new BulkWrite.Written(createOrganization(actor, root(record, "organization")).id(), true));
    }

    private static BulkWrite.Written written(Upserted<User> upserted) {
        return new BulkWrite.Written(upserted.record().id(), upserted.created());
    }

    // a stored record is read as the single write's body, {"user":{…}}
    private static JsonBody root(@Nullable JsonNode record, String root) {
        return JsonBody.root(JsonNodeFactory.instance.objectNode().set(root, record), root);
    }
}
