package org.partnerdesk.identity;

import java.util.Optional;

/**
 * UI-1: a mailed link that lets its holder set a password once, opened on the one "Set password" page: the
 * forgot-password link ({@link PasswordResets}) or a PO-1/PO-2 sign-in invitation (partnerops). The module that issues
 * the link checks its token, so the page needs to know neither.
 */
public interface PasswordLink {

    /** The query parameter that carries this kind of link's token in the mailed address ({@code token}, {@code invitation}). */
    String parameter();

    /** Empty while the token works; else, in words for the page, why not and what to do instead. */
    Optional<String> whyUnusable(String token);

    /** Sets the password once; refusals are {@code ApiException}s (a weak password, a used or expired token). */
    void setPassword(String token, String password);
}
