package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Org;

class OrganizationApiTest extends ApiTest {

    @Test
    void adminCreatesPartnerWithTrackComplianceDomainsAndExternalId() { // DIR-1
        String name = Desk.unique("Umbrella");
        Reply created = desk.admin.post("/api/v2/organizations.json", """
                {"organization":{"name":"%s","external_id":"001ACC","domain_names":["Umbrella.test"],"notes":"n",
                 "organization_fields":{"org_type":"partner","partner_track":"alliance","track_compliant":false,"parent_company":"Umbrella Holdings"}}}"""
                .formatted(name));

        assertThat(created.status()).isEqualTo(201);
        Reply read = desk.admin.get("/api/v2/organizations/" + created.id("organization"));
        assertThat(read.at("/organization/organization_fields/partner_track").stringValue()).isEqualTo("alliance");
        assertThat(read.at("/organization/organization_fields/track_compliant").booleanValue()).isFalse();
        assertThat(read.at("/organization/domain_names/0").stringValue()).isEqualTo("umbrella.test");
        assertThat(desk.admin.get("/api/v2/organizations/search?external_id=001ACC").at("/organizations/0/name").stringValue())
                .isEqualTo(name);
    }

    @Test
    void customerOrganizationWithContactsCannotBecomeAPartner() {
        Org acme = desk.aCustomer();
        desk.endUserIn(acme);

        Reply refused = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"organization_fields":{"org_type":"partner","partner_track":"open"}}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/organization_fields.org_type/0/error").stringValue()).isEqualTo("DIR-3");
        assertThat(desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization/organization_fields/org_type").stringValue())
                .isEqualTo("customer");
    }

    @Test
    void duplicateNameIsRefusedWhateverItsCase() {
        Org acme = desk.aCustomer();

        Reply refused = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(acme.name().toUpperCase()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/name/0/error").stringValue()).isEqualTo("duplicate");
    }

    @Test // DIR-1: contacts are placed by their e-mail domain, so a domain names one organization
    void aSecondOrganizationCannotClaimAnotherOrganizationsDomain() {
        Org acme = desk.aCustomer();

        Reply created = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","domain_names":["%s"],"organization_fields":{"org_type":"customer"}}}"""
                .formatted(Desk.unique("Acme"), acme.domain().toUpperCase()));

        assertThat(created.status()).as(created.toString()).isEqualTo(422);
        assertThat(created.at("/details/domain_names/0/error").stringValue()).isEqualTo("DIR-1");
        assertThat(created.at("/description").stringValue()).contains(acme.domain(), acme.name());
        Org other = desk.aCustomer();
        Reply updated = desk.admin.put("/api/v2/organizations/" + other.id(), """
                {"organization":{"domain_names":["%s","%s"]}}""".formatted(other.domain(), acme.domain()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(422);
        assertThat(updated.at("/description").stringValue()).contains(acme.name());
        assertThat(desk.admin.get("/api/v2/organizations/" + other.id()).at("/organization/domain_names").size()).isEqualTo(1);
        Reply keepsItsOwn = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"notes":"still ours","domain_names":["%s"]}}""".formatted(acme.domain()));
        assertThat(keepsItsOwn.status()).as(keepsItsOwn.toString()).isEqualTo(200);
    }

    @Test
    void endUserSeesOwnOrganizationButNotAnother() {
        Org acme = desk.aCustomer();
        Org other = desk.aCustomer();
        var ann = desk.endUserIn(acme);

        assertThat(ann.api().get("/api/v2/organizations/" + acme.id()).status()).isEqualTo(200);
        assertThat(ann.api().get("/api/v2/organizations/" + other.id()).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(ann.api().get("/api/v2/organizations").status()).isEqualTo(403);
    }

    @Test
    void strangersAndWrongTokensAreRefused() {
        Org acme = desk.aCustomer();

        assertThat(desk.anonymous().get("/api/v2/organizations/" + acme.id()).status()).isEqualTo(401);
        assertThat(desk.anonymous().withAuthorization("Bearer nope").get("/api/v2/organizations/" + acme.id()).status()).isEqualTo(401);
        assertThat(desk.stranger().api().get("/api/v2/organizations/" + acme.id()).status()).isEqualTo(404); // #10 item 15: as if it did not exist
    }

    @Test
    void agentReadsButCannotWrite() {
        var agent = desk.agent();

        assertThat(agent.api().get("/api/v2/organizations").status()).isEqualTo(200);
        assertThat(agent.api().post("/api/v2/organizations", """
                {"organization":{"name":"x","organization_fields":{"org_type":"customer"}}}""").status()).isEqualTo(403);
    }
}
