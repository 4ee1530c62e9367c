package org.partnerdesk.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Issue #17 item 3: the body that answers a bulk request and {@code GET /api/v2/job_statuses/{id}}: {@code {"job_status":{…}}}. */
public record JobStatusBody(Json jobStatus) {

    public static JobStatusBody of(JobStatus job) {
        return new JobStatusBody(Json.of(job));
    }

    /** Zendesk's job status: {@code results} lists the records done so far, in the order of the request. */
    public record Json(String id, String url, String jobType, String status, int total, int progress, @Nullable String message,
                       List<ResultJson> results) {

        public static Json of(JobStatus job) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/job_statuses/{id}.json")
                    .buildAndExpand(job.id()).toUriString();
            return new Json(job.id(), url, job.jobType(), job.status(), job.total(), job.progress(), job.message(),
                    job.results().stream().map(ResultJson::of).toList());
        }
    }

    /** One record's result; a failure carries {@code error}, {@code details} and the rule that refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultJson(int index, @Nullable Long id, String status, boolean success, @Nullable String error,
                             @Nullable String details, @Nullable String rule) {

        static ResultJson of(JobResult result) {
            return new ResultJson(result.index(), result.id(), result.status(), result.isSuccess(), result.error(), result.details(),
                    result.rule());
        }
    }
}
