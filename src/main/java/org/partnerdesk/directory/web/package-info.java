/** DIR-*: the Zendesk-style endpoints of organizations, users, memberships, groups, subscriptions and NFR licenses. */
@NullMarked
package org.partnerdesk.directory.web;

import org.jspecify.annotations.NullMarked;
