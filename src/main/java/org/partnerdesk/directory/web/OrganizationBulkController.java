package org.partnerdesk.directory.web;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.web.DirectoryRecords.Upserted;
import org.partnerdesk.jobs.JobStatusBody;
import org.partnerdesk.jobs.JobStatuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Issue #17 item 3: organizations for CRM sync, {@code create_or_update} (synchronous) and {@code create_many}. Admins only. */
@RestController
@RequestMapping("/api/v2/organizations")
class OrganizationBulkController {

    private final DirectoryRecords records;
    private final JobStatuses jobs;

    OrganizationBulkController(DirectoryRecords records, JobStatuses jobs) {
        this.records = records;
        this.jobs = jobs;
    }

    /** Matched by external id, else by name: 201 with the organization created, 200 with it updated. */
    @PostMapping("/create_or_update")
    ResponseEntity<OrganizationController.OrganizationResponse> createOrUpdate(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        Upserted<Organization> upserted = records.createOrUpdateOrganization(actor, JsonBody.root(body, "organization"));
        return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new OrganizationController.OrganizationResponse(OrganizationController.OrganizationJson.of(upserted.record(), true)));
    }

    @PostMapping("/create_many")
    JobStatusBody createMany(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return JobStatusBody.of(jobs.start(actor, "create_many_organizations", JobStatuses.recordsOf(body, "organizations")));
    }
}
