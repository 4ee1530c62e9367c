/**
 * Files (FILE-1..FILE-3): attachments uploaded through the API, the resumable Support Uploader, and the storage
 * they stream to and from ({@link org.partnerdesk.attachment.FileStore}: the disk under the data directory, or an
 * S3-compatible bucket). No file is ever held whole in memory.
 */
@NullMarked
@ApplicationModule(displayName = "Attachments", allowedDependencies = {"api", "jobs", "ticket", "console"})
package org.partnerdesk.attachment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
