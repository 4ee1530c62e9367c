/** FILE-1: the {@code uploads} and {@code attachments} tables. */
@NullMarked
package org.partnerdesk.attachment.persistence;

import org.jspecify.annotations.NullMarked;
