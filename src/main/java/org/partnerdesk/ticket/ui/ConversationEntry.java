package org.partnerdesk.ticket.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.User;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentUploads.CommentAttachment;

/** UI-1 one comment as the conversation shows it: public reply or internal note (TKT-1), who wrote it, when, and its files. */
record ConversationEntry(Comment comment, String author, String when, List<File> files) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** FILE-1: an attached file with its size in words and its SHA-256, downloaded through the agent console. */
    record File(long id, String name, String size, String sha256) {
    }

    static ConversationEntry of(Comment comment, @Nullable User author, List<CommentAttachment> attachments) {
        return new ConversationEntry(comment, author == null ? "user " + comment.authorId() : author.name(), shown(comment.createdAt()),
                attachments.stream().map(a -> new File(a.id(), a.fileName(), size(a.size()), a.sha256())).toList());
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
