package org.partnerdesk.jobs.web;

import java.util.ArrayList;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.jobs.JobStatusBody;
import org.partnerdesk.jobs.JobStatuses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue #17 item 3: {@code /api/v2/job_statuses}, for the person who started a job and for admins. */
@RestController
@RequestMapping("/api/v2/job_statuses")
class JobStatusController {

    private final JobStatuses jobs;

    JobStatusController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    JobStatusBody show(Actor actor, @PathVariable String id) {
        return JobStatusBody.of(jobs.find(actor, id));
    }

    @GetMapping
    JobStatusList list(Actor actor) {
        return new JobStatusList(jobs.latest(actor).stream().map(JobStatusBody.Json::of).toList());
    }

    @GetMapping("/show_many")
    JobStatusList showMany(Actor actor, @RequestParam("ids") String ids) {
        List<String> wanted = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (!part.isBlank()) {
                wanted.add(part.strip());
            }
        }
        if (wanted.isEmpty()) {
            throw ApiException.badRequest("InvalidParameter", "ids must be a comma-separated list of job status ids");
        }
        return new JobStatusList(jobs.findMany(actor, wanted).stream().map(JobStatusBody.Json::of).toList());
    }

    /** Job statuses, newest first. */
    record JobStatusList(List<JobStatusBody.Json> jobStatuses) {
    }
}
