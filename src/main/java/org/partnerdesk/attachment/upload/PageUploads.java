package org.partnerdesk.attachment.upload;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.NewFile;
import org.partnerdesk.ticket.CommentFiles;
import org.springframework.stereotype.Component;

/** FILE-1: the agent's ticket page uploads through the same {@link Attachments#upload} as the API, limit and refusal included. */
@Component
class PageUploads implements CommentFiles {

    private final Attachments attachments;

    PageUploads(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public String upload(Actor actor, @Nullable String token, String fileName, @Nullable String contentType, long size,
                         InputStream content) throws IOException {
        return attachments.upload(actor, new NewFile(fileName, contentType, token, size), content).token();
    }
}
