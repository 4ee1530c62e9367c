/** UI-1 pages of identity: sign-in, forgot password, set a password from a mailed link. */
@NullMarked
package org.partnerdesk.identity.ui;

import org.jspecify.annotations.NullMarked;
