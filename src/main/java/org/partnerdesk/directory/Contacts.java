package org.partnerdesk.directory;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.persistence.StoredContacts;
import org.partnerdesk.entitlement.Person;
import org.springframework.stereotype.Service;

/**
 * The people an entitlement decision looks at, each with its organization, subscriptions and NFR licenses,
 * read in one query (DESIGN: the directory reads of ticket intake are one query, not one per rule).
 */
@Service
public class Contacts {

    private final StoredContacts stored;

    Contacts(StoredContacts stored) {
        this.stored = stored;
    }

    /** The people of one ticket: who submits it or is its requester, and whom its Organization Email names. */
    public record People(@Nullable Person byId, @Nullable Person byEmail) {
    }

    public People find(long userId, @Nullable String email) {
        String wanted = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        List<Person> found = stored.withIdOrEmail(userId, wanted);
        Person byId = null;
        Person byEmail = null;
        for (Person person : found) {
            if (person.userId() == userId) {
                byId = person;
            }
            if (wanted != null && person.email().equalsIgnoreCase(wanted)) {
                byEmail = person;
            }
        }
        return new People(byId, byEmail);
    }
}
