package org.partnerdesk.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.directory.AssociationRules.DomainClaims;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;

/**
 * What the directory's rules look at, for users (DIR-2 unique e-mail and external id, the manager, DIR-3, DIR-4) and for
 * organizations (unique name and external id, DIR-1 domains): the store itself for one write ({@link #of}), or, for a
 * batch (issue #17 item 3), what its records name loaded once ({@link Loaded}), with each record the batch accepts added
 * as it is accepted, so a later record meets it as it would meet one written before it. The rules are written once,
 * against this.
 */
interface DirectoryFacts {

    Optional<User> userWithEmail(String email);

    Optional<User> userWithExternalId(String externalId);

    Optional<User> user(long id);

    /** The organization, locked for the transaction as a single write locks it. */
    Optional<Organization> organizationForUpdate(long id);

    Optional<Organization> organizationWithName(String name);

    Optional<Organization> organizationWithExternalId(String externalId);

    /** Holds these (lower-case) domains for the transaction, so two writes cannot both take one (DIR-1). */
    void lockDomains(List<String> domains);

    /** The organizations claiming any of these lower-case domains, by id. */
    List<Organization> claimingAnyDomain(List<String> domains);

    DomainClaims claims();

    static DirectoryFacts of(StoredUsers users, StoredOrganizations organizations) {
        return new DirectoryFacts() {
            @Override
            public Optional<User> userWithEmail(String email) {
                return users.findByEmail(email);
            }

            @Override
            public Optional<User> userWithExternalId(String externalId) {
                return users.findByExternalId(externalId);
            }

            @Override
            public Optional<User> user(long id) {
                return users.find(id);
            }

            @Override
            public Optional<Organization> organizationForUpdate(long id) {
                return organizations.findForUpdate(id);
            }

            @Override
            public Optional<Organization> organizationWithName(String name) {
                return organizations.findByName(name);
            }

            @Override
            public Optional<Organization> organizationWithExternalId(String externalId) {
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

            @Override
            public DomainClaims claims() {
                return organizations::claimingDomain;
            }
        };
    }

    /**
     * A batch's facts, loaded and locked in a handful of statements when the batch starts; a domain the batch was not
     * expected to ask about is asked of the store.
     */
    final class Loaded implements DirectoryFacts {

        private final Map<String, User> usersByEmail = new HashMap<>();
        private final Map<String, User> usersByExternalId = new HashMap<>();
        private final Map<Long, User> usersById = new HashMap<>();
        private final Map<Long, Organization> organizationsById = new HashMap<>();
        private final Map<String, Organization> organizationsByName = new HashMap<>();
        private final Map<String, Organization> organizationsByExternalId = new HashMap<>();
        private final Map<String, List<Organization>> claims = new HashMap<>();
        private final StoredOrganizations store;

        Loaded(StoredOrganizations store) {
            this.store = store;
        }

        static String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        static String domainOf(String email) {
            return lower(email.substring(email.lastIndexOf('@') + 1));
        }

        /** A user of the directory, or one the batch has just accepted. */
        void add(User user) {
            usersByEmail.putIfAbsent(lower(user.email()), user);
            if (user.externalId() != null) {
                usersByExternalId.putIfAbsent(user.externalId(), user);
            }
            usersById.putIfAbsent(user.id(), user);
        }

        /** An organization of the directory, locked with the batch. */
        void add(Organization organization) {
            organizationsById.put(organization.id(), organization);
            organizationsByName.putIfAbsent(lower(organization.name()), organization);
            if (organization.externalId() != null) {
                organizationsByExternalId.putIfAbsent(organization.externalId(), organization);
            }
        }

        /** An organization the batch has just accepted: a later record finds its name, external id and domains taken. */
        void accepted(Organization organization) {
            add(organization);
            organization.domainNames().stream().map(Loaded::lower).distinct()
                    .forEach(domain -> claims.computeIfAbsent(domain, d -> new ArrayList<>()).add(organization));
        }

        /** The (lower-case) domains the batch asks about and the organizations claiming any of them, looked up with it. */
        void claimed(List<String> domains, List<Organization> claiming) {
            domains.forEach(domain -> claims.putIfAbsent(domain, new ArrayList<>()));
            for (Organization organization : claiming) {
                organization.domainNames().stream().map(Loaded::lower).distinct().filter(domains::contains)
                        .forEach(domain -> claims.get(domain).add(organization));
            }
        }

        @Override
        public Optional<User> userWithEmail(String email) {
            return Optional.ofNullable(usersByEmail.get(lower(email)));
        }

        @Override
        public Optional<User> userWithExternalId(String externalId) {
            return Optional.ofNullable(usersByExternalId.get(externalId));
        }

        @Override
        public Optional<User> user(long id) {
            return Optional.ofNullable(usersById.get(id));
        }

        @Override
        public Optional<Organization> organizationForUpdate(long id) {
            return Optional.ofNullable(organizationsById.get(id));
        }

        @Override
        public Optional<Organization> organizationWithName(String name) {
            return Optional.ofNullable(organizationsByName.get(lower(name)));
        }

        @Override
        public Optional<Organization> organizationWithExternalId(String externalId) {
            return Optional.ofNullable(organizationsByExternalId.get(externalId));
        }

        @Override
        public void lockDomains(List<String> domains) {
            // the batch's domains were locked when it was loaded
        }

        @Override
        public List<Organization> claimingAnyDomain(List<String> domains) {
            Map<Long, Organization> claiming = new LinkedHashMap<>();
            domains.forEach(domain -> claimingDomain(domain).forEach(o -> claiming.putIfAbsent(o.id(), o)));
            return claiming.values().stream().sorted(Comparator.comparingLong(Organization::id)).toList();
        }

        @Override
        public DomainClaims claims() {
            return this::claimingDomain;
        }

        private List<Organization> claimingDomain(String domain) {
            return claims.containsKey(domain) ? claims.get(domain) : store.claimingDomain(domain);
        }
    }
}
