/** FILE-1: {@code /api/v2/uploads} and attachment downloads, and the connector setting that refuses an oversized upload before its body is read. */
@NullMarked
package org.partnerdesk.attachment.web;

import org.jspecify.annotations.NullMarked;
