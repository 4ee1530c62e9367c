package org.partnerdesk.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * UI-1: the browser sessions of one person, found by the e-mail address they are indexed by ({@code PasswordSignIn.SignedIn}).
 * Absent when the desk runs without pages (a command-line run), then there is nothing to end.
 */
@Component
class SignedInSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Ends every browser session signed in as this e-mail address, on every node (they live in PostgreSQL). */
    int endAll(String email) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var found = repository.findByPrincipalName(email).keySet();
        found.forEach(repository::deleteById);
        return found.size();
    }
}
