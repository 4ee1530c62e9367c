package org.partnerdesk.mailbox.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.NewFile;
import org.partnerdesk.attachment.UploadLimits;
import org.partnerdesk.mailbox.MailAttachment;
import org.springframework.stereotype.Component;

/**
 * PO-6, FILE-1: a mail's attached files become uploads of its author, streamed into the file store, which the comment the
 * mail becomes then attaches; the limits and hostile-name checks are the upload API's. What is skipped is said in a note.
 */
@Component
class MailFiles {

    private final Attachments attachments;
    private final UploadLimits limits;

    MailFiles(Attachments attachments, UploadLimits limits) {
        this.attachments = attachments;
        this.limits = limits;
    }

    /** The upload tokens for the comment, and the lines of an internal note about the files left out (none: empty). */
    record Stored(List<String> tokens, List<String> skipped) {
    }

    Stored store(Actor author, List<MailAttachment> files) throws IOException {
        List<String> tokens = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MailAttachment file : files) {
            String shown = shown(file.fileName());
            try (InputStream content = file.content().getInputStream()) {
                tokens.add(attachments.upload(author, new NewFile(file.fileName(), file.contentType(), null, -1), content).token());
            } catch (ApiException refused) {
                skipped.add(switch (refused.status()) {
                    case 413 -> "- " + shown + ": larger than " + limits.maxSizeInWords() + ", the most a ticket attachment may be"
                            + " (FILE-1). Ask the sender to send it with the Support Uploader: create an upload link for this ticket"
                            + " (POST /api/v2/tickets/{id}/upload_links), which takes files up to " + limits.supportUploaderMaxInWords() + ".";
                    default -> "- " + shown + ": not attached, " + why(refused);
                });
            }
        }
        return new Stored(tokens, skipped);
    }

    private static String why(ApiException refused) {
        if (refused.details().containsKey("file")) {
            return "it is empty (0 bytes).";
        }
        return refused.details().values().stream().flatMap(List::stream).map(ApiException.FieldError::description).findFirst()
                .orElse(refused.description());
    }

    // a refused name may hide characters: the note shows it with only printable ones
    private static String shown(String name) {
        String printable = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "\"" + (printable.length() > 120 ? printable.substring(0, 120) + "…" : printable) + "\"";
    }
}
