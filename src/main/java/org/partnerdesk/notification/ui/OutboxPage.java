package org.partnerdesk.notification.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.notification.Outbox;
import org.partnerdesk.notification.OutboxMessage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue #16, NTF-1: {@code /ops/outbox} for admins: the notifications waiting or failing, with why the last attempt failed and
 * how often it was tried, and "Retry" (one) or "Retry all failed" through the code the outbox retry job runs.
 */
@ConsolePage
class OutboxPage {

    private static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final Clock clock;

    OutboxPage(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One row as the page shows it: the times already in words. */
    record Row(OutboxMessage message, String waiting, @Nullable String failedWhen, String state) {
    }

    @GetMapping("/ops/outbox")
    String outbox(Actor actor, @RequestParam(name = "page[after]", required = false) @Nullable String after, Model model) {
        Outbox.Page page = outbox.page(actor, after, PAGE_SIZE);
        Instant now = clock.instant();
        model.addAttribute("rows", page.messages().stream().map(message -> new Row(message, ago(message.publishedAt(), now),
                message.failedAt() == null ? null : ago(message.failedAt(), now), state(message))).toList());
        model.addAttribute("failed", page.failed());
        model.addAttribute("nextPage", page.next() == null ? null
                : UriComponentsBuilder.fromPath("/ops/outbox").queryParam("page[after]", page.next()).encode().build().toUriString());
        return "notification/outbox";
    }

    @PostMapping("/ops/outbox/{id}/retry")
    String retry(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        actor.requireAdmin(); // authorize before reading the id
        outbox.retry(actor, publication(id));
        redirect.addFlashAttribute("flash", "The message was handed back to its sender; it leaves the list once it is delivered.");
        return "redirect:/ops/outbox";
    }

    @PostMapping("/ops/outbox/retry-failed")
    String retryAllFailed(Actor actor, RedirectAttributes redirect) {
        outbox.retryAllFailed(actor);
        redirect.addFlashAttribute("flash", "Every failed message was handed back to its sender.");
        return "redirect:/ops/outbox";
    }

    private static UUID publication(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Outbox message " + id);
        }
    }

    private static String state(OutboxMessage message) {
        return switch (message.status()) {
            case "FAILED" -> "Failed";
            case "PROCESSING" -> "Sending";
            case "RESUBMITTED" -> "Queued for retry";
            default -> "Waiting";
        };
    }

    static String ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        if (minutes < 1) {
            return "less than a minute ago";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + (hours == 1 ? " hour ago" : " hours ago") : hours / 24 + " days ago";
    }
}
