/** PO-2: the tables of access requests, confirmations, invitations and onboarding transitions. */
@NullMarked
package org.partnerdesk.partnerops.access.persistence;

import org.jspecify.annotations.NullMarked;
