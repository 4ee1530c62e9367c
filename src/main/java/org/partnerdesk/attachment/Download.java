package org.partnerdesk.attachment;

import java.io.IOException;
import java.io.InputStream;

/** A file the caller may read and its content, streamed from the store; the caller closes it. */
public record Download(Attachment attachment, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
