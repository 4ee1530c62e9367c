package org.partnerdesk.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.directory.AssociationRules.DomainClaims;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;

/**
 * What the rules of a new user look at (DIR-2 unique e-mail and external id, the manager, DIR-3, DIR-4): the store itself
 * for one create, or, for a batch (issue #17 item 3), what its records name loaded once, with each user the batch creates
 * added as it is accepted, so a later record meets it as it would meet a user created before it.
 */
interface DirectoryFacts {

    Optional<User> userWithEmail(String email);

    Optional<User> userWithExternalId(String externalId);

    Optional<User> user(long id);

    /** The organization, locked for the transaction as a single write locks it. */
    Optional<Organization> organizationForUpdate(long id);

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
            public DomainClaims claims() {
                return organizations::claimingDomain;
            }
        };
    }

    /** A batch's facts, loaded in four queries; a domain no record was expected to ask about is asked of the store. */
    final class Loaded implements DirectoryFacts {

        private final Map<String, User> byEmail = new HashMap<>();
        private final Map<String, User> byExternalId = new HashMap<>();
        private final Map<Long, User> byId = new HashMap<>();
        private final Map<Long, Organization> organizations = new HashMap<>();
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
            byEmail.putIfAbsent(lower(user.email()), user);
            if (user.externalId() != null) {
                byExternalId.putIfAbsent(user.externalId(), user);
            }
            byId.putIfAbsent(user.id(), user);
        }

        void add(Organization organization) {
            organizations.put(organization.id(), organization);
        }

        void claimedBy(List<String> domains, List<Organization> claiming) {
            domains.forEach(domain -> claims.put(domain, new ArrayList<>()));
            for (Organization organization : claiming) {
                organization.domainNames().stream().filter(claims::containsKey).forEach(domain -> claims.get(domain).add(organization));
            }
        }

        @Override
        public Optional<User> userWithEmail(String email) {
            return Optional.ofNullable(byEmail.get(lower(email)));
        }

        @Override
        public Optional<User> userWithExternalId(String externalId) {
            return Optional.ofNullable(byExternalId.get(externalId));
        }

        @Override
        public Optional<User> user(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Organization> organizationForUpdate(long id) {
            return Optional.ofNullable(organizations.get(id));
        }

        @Override
        public DomainClaims claims() {
            return domain -> claims.containsKey(domain) ? claims.get(domain) : store.claimingDomain(domain);
        }
    }
}
