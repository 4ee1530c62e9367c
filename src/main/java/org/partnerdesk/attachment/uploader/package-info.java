/** FILE-2 Support Uploader: tus 1.0 uploads through per-ticket links, staged on disk, finished into the FileStore. */
@NullMarked
package org.partnerdesk.attachment.uploader;

import org.jspecify.annotations.NullMarked;
