/** FILE-3: the two {@code FileStore}s, the disk under the data directory and an S3-compatible bucket, and which one runs. */
@NullMarked
package org.partnerdesk.attachment.storage;

import org.jspecify.annotations.NullMarked;
