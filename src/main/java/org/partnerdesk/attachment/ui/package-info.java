/** UI-1 the agent console's side of attachments: downloading a comment's file with the browser session. */
@NullMarked
package org.partnerdesk.attachment.ui;

import org.jspecify.annotations.NullMarked;
