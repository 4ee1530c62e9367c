package org.partnerdesk.directory.web;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.directory.web.DirectoryRecords.Upserted;
import org.partnerdesk.directory.User;
import org.partnerdesk.jobs.JobStatusBody;
import org.partnerdesk.jobs.JobStatuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Issue #17 item 3: users for CRM sync, {@code create_or_update} (synchronous, as Zendesk) and the bulk jobs. Admins only. */
@RestController
@RequestMapping("/api/v2/users")
class UserBulkController {

    private final DirectoryRecords records;
    private final JobStatuses jobs;

    UserBulkController(DirectoryRecords records, JobStatuses jobs) {
        this.records = records;
        this.jobs = jobs;
    }

    /** Matched by external id, else by e-mail: 201 with the user created, 200 with the user updated. */
    @PostMapping("/create_or_update")
    ResponseEntity<UserController.UserResponse> createOrUpdate(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        Upserted<User> upserted = records.createOrUpdateUser(actor, JsonBody.root(body, "user"));
        return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UserController.UserResponse(UserController.UserJson.of(upserted.record(), actor)));
    }

    @PostMapping("/create_many")
    JobStatusBody createMany(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return JobStatusBody.of(jobs.start(actor, "create_many_users", JobStatuses.recordsOf(body, "users")));
    }

    @PostMapping("/create_or_update_many")
    JobStatusBody createOrUpdateMany(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return JobStatusBody.of(jobs.start(actor, "create_or_update_many_users", JobStatuses.recordsOf(body, "users")));
    }
}
