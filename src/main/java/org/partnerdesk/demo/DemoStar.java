package org.partnerdesk.demo;

import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.escalation.StarRequests;
import org.partnerdesk.escalation.StarSettings;
import org.partnerdesk.escalation.Urgency;
import org.partnerdesk.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TKT-7 [003]: a ticket is starred only once it is older than the minimum age (30 minutes), and the demo tickets are
 * new when they are loaded; so Carl Channel's STAR is a one-time job on the job scheduler, due when its ticket is old
 * enough. It survives a restart in between and runs once, on one node.
 */
@Configuration(proxyBeanMethods = false)
class DemoStar {

    static final TaskDescriptor<Void> STAR = TaskDescriptor.of("demo-star");
    static final String CHANNEL_MANAGER = "carl.channel@partnerdesk.test";
    private static final Logger log = LoggerFactory.getLogger(DemoStar.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final StarSettings settings;
    private final StarRequests stars;
    private final Users users;

    // the job scheduler's client, looked up when scheduling: the scheduler itself is built from every task, this one's too
    DemoStar(ObjectProvider<SchedulerClient> scheduler, StarSettings settings, StarRequests stars, Users users) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.stars = stars;
        this.users = users;
    }

    @Bean
    OneTimeTask<Void> demoStarTask() {
        return Tasks.oneTime(STAR).execute((instance, context) -> raise(Long.parseLong(instance.getId())));
    }

    void raiseLater(Ticket ticket) {
        scheduler.getObject().scheduleIfNotExists(STAR.instance(Long.toString(ticket.id()))
                .scheduledTo(DemoTickets.starDue(ticket.createdAt(), settings.minimumAge())));
    }

    /** Carl asks for the on-call support manager's attention; a refusal (someone starred it already) is only logged. */
    void raise(long ticketId) {
        User carl = users.findByEmail(CHANNEL_MANAGER).orElse(null);
        if (carl == null) {
            return;
        }
        Actor actor = new Actor(carl.id(), carl.email(), Role.AGENT, carl.organizationId(), Set.of(Groups.CHANNEL_MANAGERS));
        try {
            stars.star(actor, ticketId, new StarRequests.Ask(Urgency.URGENT, "Premium customer, 250 users blocked since the upgrade",
                    "Acme renews next month and their CTO called their account manager this morning",
                    "A support engineer on a call with Acme within the hour"));
        } catch (ApiException refused) {
            log.info("Demo STAR on ticket {} not raised: {}", ticketId, refused.getMessage());
        }
    }
}
