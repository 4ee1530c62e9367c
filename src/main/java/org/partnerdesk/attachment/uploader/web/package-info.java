/** FILE-2: the tus 1.0 endpoints, the upload-link API and the Support Uploader page. */
@NullMarked
package org.partnerdesk.attachment.uploader.web;

import org.jspecify.annotations.NullMarked;
