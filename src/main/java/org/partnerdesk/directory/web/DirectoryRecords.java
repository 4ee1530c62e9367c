package org.partnerdesk.directory.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Creation;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Upserts;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.directory.Users.NewUser;
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
        NewUser read = newUser(user);
        return users.create(actor, read.values(), read.organizationId());
    }

    // a new user's record read as POST /users reads it; a field it refuses throws here, before any rule
    private static NewUser newUser(JsonBody user) {
        UserDetails values = UserController.read(user, null);
        Long organizationId = user.id("organization_id");
        user.throwIfInvalid();
        return new NewUser(values, organizationId);
    }

    /** Issue #17 item 3: create_many's records, each read as {@link #createUser} reads it and all created as one batch. */
    List<BulkWrite.Outcome> createUsers(Actor actor, List<JsonNode> records) {
        BulkWrite.Outcome[] outcomes = new BulkWrite.Outcome[records.size()];
        List<Integer> readAt = new ArrayList<>();
        List<NewUser> read = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                read.add(newUser(root(records.get(i), "user")));
                readAt.add(i);
            } catch (ApiException refusal) {
                outcomes[i] = new BulkWrite.Refused(refusal);
            }
        }
        answer(outcomes, readAt, read.isEmpty() ? List.of() : users.createAll(actor, read));
        return List.of(outcomes);
    }

    // each record the batch decided, answered at its place among the records read
    private static void answer(BulkWrite.Outcome[] outcomes, List<Integer> readAt, List<Creation> created) {
        for (int i = 0; i < created.size(); i++) {
            outcomes[readAt.get(i)] = switch (created.get(i)) {
                case Creation.Created(long id) -> new BulkWrite.Written(id, true);
                case Creation.Refused(ApiException refusal) -> new BulkWrite.Refused(refusal);
            };
        }
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

    /** Issue #17 item 3: create_many's organizations, each read as {@link #createOrganization} reads it, created as one batch. */
    List<BulkWrite.Outcome> createOrganizations(Actor actor, List<JsonNode> records) {
        BulkWrite.Outcome[] outcomes = new BulkWrite.Outcome[records.size()];
        List<Integer> readAt = new ArrayList<>();
        List<OrganizationDetails> read = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                read.add(OrganizationController.read(root(records.get(i), "organization"), null));
                readAt.add(i);
            } catch (ApiException refusal) {
                outcomes[i] = new BulkWrite.Refused(refusal);
            }
        }
        answer(outcomes, readAt, read.isEmpty() ? List.of() : organizations.createAll(actor, read));
        return List.of(outcomes);
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
        return BulkWrite.batched("create_many_users",
                (actor, record) -> new BulkWrite.Written(createUser(actor, root(record, "user")).id(), true), this::createUsers);
    }

    @Bean
    BulkWrite createOrUpdateManyUsers() {
        return BulkWrite.of("create_or_update_many_users", (actor, record) -> written(createOrUpdateUser(actor, root(record, "user"))));
    }

    @Bean
    BulkWrite createManyOrganizations() {
        return BulkWrite.batched("create_many_organizations",
                (actor, record) -> new BulkWrite.Written(createOrganization(actor, root(record, "organization")).id(), true),
                this::createOrganizations);
    }

    private static BulkWrite.Written written(Upserted<User> upserted) {
        return new BulkWrite.Written(upserted.record().id(), upserted.created());
    }

    // a stored record is read as the single write's body, {"user":{…}}
    private static JsonBody root(@Nullable JsonNode record, String root) {
        return JsonBody.root(JsonNodeFactory.instance.objectNode().set(root, record), root);
    }
}
