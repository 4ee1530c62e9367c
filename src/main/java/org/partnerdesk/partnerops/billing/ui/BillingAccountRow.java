package org.partnerdesk.partnerops.billing.ui;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.BillingAccount;

/** One billing account as the operations console lists it: with its partner's name and its activation in words (PO-5). */
record BillingAccountRow(BillingAccount account, @Nullable String partner, ActivationInWords activation) {

    /** How people name it: the entity, else the partner's own account. */
    public String title() {
        // a name without a letter or digit (blanks, invisible marks) would leave the list a link without words
        return hasWords(account.entityName()) ? account.entityName() : hasWords(partner) ? partner : "Billing account #" + account.id();
    }

    private static boolean hasWords(@Nullable String name) {
        return name != null && name.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
