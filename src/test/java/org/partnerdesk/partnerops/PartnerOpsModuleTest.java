package org.partnerdesk.partnerops;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ModuleTest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.CommentUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PO-3, issue #13: the partner-operations module without the notification module that mails its decisions: a partner's
 * NFR request is decided at once and announced as {@link NfrRequestSubmitted}, with what is missing.
 */
// all dependencies: the NFR tables' foreign keys want real organizations and users (directory), and partnerops' other
// workflows need the ticket module (PO-1, PO-6), which in turn needs sla and entitlement
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "api")
class PartnerOpsModuleTest extends ModuleTest {

    // FILE-1: the attachment module implements this hook of the ticket module; no upload is claimed here
    @MockitoBean
    CommentUploads uploads;

    @Autowired
    NfrRequests nfrRequests;

    @Autowired
    Organizations organizations;

    @Autowired
    Users users;

    @Test
    void anNfrRequestOfAnUncertifiedOpenPartnerIsAnnouncedAsIneligibleWithWhatIsMissing(Scenario scenario) {
        Organization partner = anOpenPartner();
        User member = aMemberOf(partner);

        scenario.stimulate(() -> nfrRequests.submit(asPartner(member), new NfrRequests.Ask(Plan.ULTIMATE, 5, "self_managed", null)))
                .andWaitForEventOfType(NfrRequestSubmitted.class)
                .matching(submitted -> submitted.submitterId() == member.id())
                .toArriveAndVerify((submitted, request) -> {
                    assertThat(submitted.requestId()).isEqualTo(request.id());
                    assertThat(submitted.partnerName()).isEqualTo(partner.name());
                    assertThat(submitted.eligible()).isFalse();
                    // DOMAIN-FACTS "Partner tracks": an Open partner needs certified employees, and this one has none
                    assertThat(submitted.missing()).extracting(NfrEligibility.Requirement::code).contains(NfrEligibility.CERTIFICATION);
                    assertThat(request.status()).isEqualTo(NfrRequest.Status.INELIGIBLE);
                });
    }

    private Organization anOpenPartner() {
        String name = "ResellCo-" + System.nanoTime();
        User admin = users.ensureAdmin("module-test-admin@partnerdesk.test", "Module Test Admin");
        return organizations.provision(admin.id(), new OrganizationDetails(name, null, OrganizationType.PARTNER, PartnerTrack.OPEN,
                true, null, null, List.of(name.toLowerCase() + ".test"), false, null, null));
    }

    private User aMemberOf(Organization partner) {
        String email = "pat@" + partner.domainNames().getFirst();
        return users.provision(new UserDetails("Pat Partner", email, Role.END_USER, null, null), partner.id());
    }

    private static Actor asPartner(User member) {
        return new Actor(member.id(), member.email(), member.role(), member.organizationId(), Set.of());
    }
}
