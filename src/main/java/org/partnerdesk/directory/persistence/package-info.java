/** DIR-*: the directory's tables (organizations, users, memberships, groups, subscriptions, NFR licenses) and its audit. */
@NullMarked
package org.partnerdesk.directory.persistence;

import org.jspecify.annotations.NullMarked;
