package org.partnerdesk.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.directory.persistence.StoredOrganizations;

/**
 * What the rules of an organization's name, external id and domains look at (DIR-1): the store for one write, or, for a
 * batch (issue #17 item 3), what its records name loaded once, with each organization the batch creates added as accepted.
 */
interface OrganizationFacts {

    Optional<Organization> withName(String name);

    Optional<Organization> withExternalId(String externalId);

    /** Holds these (lower-case) domains for the transaction, so two writes cannot both take one (DIR-1). */
    void lockDomains(List<String> domains);

    /** The organizations claiming any of these lower-case domains, by id. */
    List<Organization> claimingAnyDomain(List<String> domains);

    static OrganizationFacts of(StoredOrganizations organizations) {
        return new OrganizationFacts() {
            @Override
            public Optional<Organization> withName(String name) {
                return organizations.findByName(name);
            }

            @Override
            public Optional<Organization> withExternalId(String externalId) {
                return organizations.findByExternalId(externalId);
            }

            @Override
            public void lockDomains(List<String> domains) {
                organizations.lockDomains(domains);
            }

            @Override
            public List<Organization> claimingAnyDomain(List<String> domains) {
                return organizations.claimingAnyDomain(domains);
            }
        };
    }

    /** A batch's facts: its names and external ids, and its domains locked and looked up, once. */
    final class Loaded implements OrganizationFacts {

        private final Map<String, Organization> byName = new HashMap<>();
        private final Map<String, Organization> byExternalId = new HashMap<>();
        private final Map<String, List<Organization>> claims = new HashMap<>();

        static String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        /** The batch's domains were locked and looked up with it: these are all it asks about. */
        void claimed(List<String> domains, List<Organization> claiming) {
            domains.forEach(domain -> claims.putIfAbsent(domain, new ArrayList<>()));
            claiming.forEach(this::claim);
        }

        /** An organization of the directory, or one the batch has just accepted. */
        void add(Organization organization) {
            byName.putIfAbsent(lower(organization.name()), organization);
            if (organization.externalId() != null) {
                byExternalId.putIfAbsent(organization.externalId(), organization);
            }
        }

        void accepted(Organization organization) {
            add(organization);
            claim(organization);
        }

        private void claim(Organization organization) {
            organization.domainNames().stream().map(Loaded::lower).distinct()
                    .forEach(domain -> claims.computeIfAbsent(domain, d -> new ArrayList<>()).add(organization));
        }

        @Override
        public Optional<Organization> withName(String name) {
            return Optional.ofNullable(byName.get(lower(name)));
        }

        @Override
        public Optional<Organization> withExternalId(String externalId) {
            return Optional.ofNullable(byExternalId.get(externalId));
        }

        @Override
        public void lockDomains(List<String> domains) {
            // locked when the batch was loaded
        }

        @Override
        public List<Organization> claimingAnyDomain(List<String> domains) {
            Map<Long, Organization> claiming = new LinkedHashMap<>();
            domains.forEach(domain -> claims.getOrDefault(domain, List.of()).forEach(o -> claiming.putIfAbsent(o.id(), o)));
            return claiming.values().stream().sorted(Comparator.comparingLong(Organization::id)).toList();
        }
    }
}
