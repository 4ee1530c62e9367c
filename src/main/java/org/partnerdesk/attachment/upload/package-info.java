/** FILE-1: what happens to an upload after it is stored: claimed by a comment, named and typed, or swept when it expires. */
@NullMarked
package org.partnerdesk.attachment.upload;

import org.jspecify.annotations.NullMarked;
