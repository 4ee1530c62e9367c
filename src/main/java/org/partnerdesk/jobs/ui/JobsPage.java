package org.partnerdesk.jobs.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.jobs.Job;
import org.partnerdesk.jobs.Jobs;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Issue #16: {@code /ops/jobs} for admins: each db-scheduler task with its last run and outcome, next run and node, in words. */
@ConsolePage
class JobsPage {

    // an ops manager reads what a job is for, not the scheduler's name for it; a job of a later module shows without words
    private static final Map<String, String> WHAT_IT_DOES = Map.ofEntries(
            Map.entry("attempt-cleanup", "Forgets the counts of failed sign-ins and public requests whose window ended, hourly."),
            Map.entry("billing-account-activation", "Activates a billing account when its provisioning time is up (PO-5)."),
            Map.entry("bulk-job", "Runs bulk requests (create many, CRM import) record by record."),
            Map.entry("deleted-ticket-purge", "Purges tickets deleted more than 30 days ago, daily."),
            Map.entry("demo-star", "Demo data only: raises the demo STAR request."),
            Map.entry("expired-upload-sweep", "Removes files uploaded for a reply that was never sent, once their token expired."),
            Map.entry("job-status-cleanup", "Deletes the statuses of bulk requests finished more than a day ago."),
            Map.entry("nfr-renewals", "Renews NFR licenses and sends their renewal reminders (PO-3)."),
            Map.entry("outbox-retry", "Sends again the notifications that failed (NTF-1)."),
            Map.entry("partner-mailbox-poll", "Reads the partner mailbox and files each mail as a request (PO-6)."),
            Map.entry("sla-breach-scan", "Marks SLA targets whose time passed as breached (TKT-4)."),
            Map.entry("uploader-cleanup", "Removes Support Uploader uploads left unfinished (FILE-2)."));

    private final Jobs jobs;
    private final Clock clock;

    JobsPage(Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One task as the page says it. */
    record Row(String name, String whatItDoes, String lastRun, String outcome, boolean failed, String nextRun, String runningOn) {
    }

    @GetMapping("/ops/jobs")
    String jobs(Actor actor, Model model) {
        Instant now = clock.instant();
        model.addAttribute("rows", jobs.all(actor).stream().map(job -> row(job, now)).toList());
        return "jobs/jobs";
    }

    private static Row row(Job job, Instant now) {
        Instant last = job.lastRun();
        String outcome = last == null ? "not recorded"
                : job.lastRunFailed() ? "failed" + (job.consecutiveFailures() > 1 ? " (" + job.consecutiveFailures() + " times in a row)" : "")
                : "succeeded";
        return new Row(job.name(), WHAT_IT_DOES.getOrDefault(job.name(), ""), last == null ? "not recorded" : ago(last, now), outcome,
                job.lastRunFailed(), next(job, now),
                job.runningOn().isEmpty() ? "not running" : "running on " + String.join(", ", job.runningOn()));
    }

    private static String next(Job job, Instant now) {
        if (job.nextRun() == null) {
            return job.runningOn().isEmpty() ? "nothing scheduled" : "when this run ends";
        }
        String when = job.nextRun().isAfter(now) ? "in " + span(Duration.between(now, job.nextRun())) : "now (due " + ago(job.nextRun(), now) + ")";
        return job.scheduled() > 1 ? when + "; " + job.scheduled() + " runs scheduled" : when;
    }

    static String ago(Instant then, Instant now) {
        Duration since = Duration.between(then, now);
        return since.toSeconds() < 60 ? "less than a minute ago" : span(since) + " ago";
    }

    // "4 min", "3 hours", "2 days": a person reads the order of magnitude, not the seconds
    static String span(@Nullable Duration duration) {
        long seconds = duration == null ? 0 : Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return hours / 24 + " days";
    }
}
