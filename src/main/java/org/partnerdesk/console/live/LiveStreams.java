package org.partnerdesk.console.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.console.Presence;
import org.partnerdesk.console.persistence.ChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * UI-1 live updates: the event streams open on this node, one per browser tab, and what each is told. Notices come from
 * PostgreSQL (any node's change), so nothing here is the only copy of anything: a node that restarts loses streams,
 * which the browsers open again. All sending happens on one thread, apart from the listener's, so a slow browser
 * delays other browsers' events but never the reading of notices.
 */
@Component
class LiveStreams implements SmartLifecycle, ChannelListener.Receiver {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    /** Proxies and browsers close a silent connection; a comment this often keeps it open and finds gone browsers. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** At intake rates a queue page is told at most once a second that its counts moved. */
    private static final Duration QUEUE_COALESCING = Duration.ofSeconds(1);

    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queuesMoved = new AtomicBoolean();
    private final Presence presence;
    private final JsonMapper json;
    private final long streamMillis;
    private @Nullable ScheduledExecutorService sender;

    LiveStreams(Presence presence, JsonMapper json, @Value("${server.servlet.session.timeout}") Duration sessionTimeout) {
        this.presence = presence;
        this.json = json;
        this.streamMillis = sessionTimeout.toMillis();
    }

    /** A stream for this tab; it ends with the session's length, when the browser reconnects by itself. */
    SseEmitter open(Actor actor, @Nullable Long ticketId, boolean queues) {
        SseEmitter emitter = new SseEmitter(streamMillis);
        Follower follower = new Follower(emitter, actor.userId(), actor.isStaff(), ticketId, queues);
        emitter.onCompletion(() -> followers.remove(follower));
        emitter.onTimeout(() -> {
            followers.remove(follower);
            emitter.complete();
        });
        emitter.onError(error -> followers.remove(follower));
        followers.add(follower);
        send(follower, SseEmitter.event().comment("connected"));
        if (follower.seesPresence()) { // whoever arrived between the page's rendering and this stream
            onSender(() -> refreshPresence(Set.of(ticketId)));
        }
        return emitter;
    }

    /** How many streams this person has open on this node. */
    long streamsOf(long userId) {
        return followers.stream().filter(follower -> follower.userId() == userId).count();
    }

    /** A notice from PostgreSQL, on the listener's thread: handed to the sending thread at once. */
    @Override
    public void deliver(String payload) {
        LiveNotice notice = LiveNotice.parse(json, payload);
        onSender(() -> dispatch(notice));
    }

    /** The listener listens again after losing its connection: notices of the gap are lost, so everything is refreshed. */
    @Override
    public void resync() {
        queuesMoved.set(true);
        onSender(() -> refreshPresence(watchedTickets()));
    }

    private void dispatch(LiveNotice notice) {
        switch (notice.topic()) {
            case TICKET_CHANGED -> {
                queuesMoved.set(true);
                String changed = "<p>This ticket changed since you opened it: <a href=\"/agent/tickets/" + notice.ticketId()
                        + "\">reload</a></p>";
                for (Follower follower : followers) {
                    if (follower.follows(notice.ticketId()) && follower.userId() != notice.by()) {
                        send(follower, SseEmitter.event().name("ticket-changed").data(changed));
                    }
                }
            }
            case TICKET_CREATED, INBOXES -> queuesMoved.set(true);
            case PRESENCE -> refreshPresence(Set.of(notice.ticketId()));
        }
    }

    /** One query for all these tickets; each tab gets the list without its own person, and only when it changed. */
    private void refreshPresence(Set<Long> ticketIds) {
        Map<Long, List<Follower>> watching = followers.stream()
                .filter(follower -> follower.seesPresence() && ticketIds.contains(follower.ticketId()))
                .collect(Collectors.groupingBy(Follower::ticketId));
        if (watching.isEmpty()) {
            return;
        }
        List<Presence.Present> everyone = presence.on(watching.keySet());
        watching.forEach((ticketId, tabs) -> {
            for (Follower tab : tabs) {
                String shown = presenceHtml(everyone.stream()
                        .filter(present -> present.ticketId() == ticketId && present.userId() != tab.userId()).toList());
                if (!tab.isShowing(shown)) {
                    tab.showing(shown);
                    send(tab, SseEmitter.event().name("presence").data(shown));
                }
            }
        });
    }

    /** The markup of templates/ticket/presence.html's list, for the {@code presence} event's swap. */
    static String presenceHtml(List<Presence.Present> others) {
        StringBuilder html = new StringBuilder("<ul class=\"presence-list\">");
        for (Presence.Present present : others) {
            html.append("<li>").append(HtmlUtils.htmlEscape(present.describe())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    /** Every heartbeat: a comment to each stream (a gone browser fails here and is dropped) and presence that expired. */
    void heartbeat() {
        for (Follower follower : followers) {
            send(follower, SseEmitter.event().comment("heartbeat"));
        }
        refreshPresence(watchedTickets());
        presence.forgetTheGone();
    }

    private void flushQueues() {
        if (queuesMoved.getAndSet(false)) {
            for (Follower follower : followers) {
                if (follower.followsQueues()) {
                    send(follower, SseEmitter.event().name("queue-changed").data("moved"));
                }
            }
        }
    }

    private Set<Long> watchedTickets() {
        return followers.stream().filter(Follower::seesPresence).map(Follower::ticketId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private void send(Follower follower, SseEmitter.SseEventBuilder event) {
        try {
            follower.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            followers.remove(follower); // the browser went away; the container completes the request itself
        }
    }

    private void onSender(Runnable task) {
        ScheduledExecutorService running = sender;
        if (running != null && !running.isShutdown()) {
            running.execute(guarded(task));
        }
    }

    // a scheduled task that throws is never run again: one bad notice must not end the heartbeat
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A live update failed", e);
            }
        };
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-sender").daemon().factory());
        started.scheduleAtFixedRate(guarded(this::heartbeat), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        started.scheduleAtFixedRate(guarded(this::flushQueues), QUEUE_COALESCING.toMillis(), QUEUE_COALESCING.toMillis(),
                TimeUnit.MILLISECONDS);
        sender = started;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = sender;
        sender = null;
        if (running != null) {
            running.shutdownNow();
        }
        for (Follower follower : followers) {
            try {
                follower.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("Ending a live stream", e);
            }
        }
        followers.clear();
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512; // above the web server's graceful shutdown (DEFAULT_PHASE - 1024)
    }
}
