package org.partnerdesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.notification.persistence.StoredOutgoingMails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issue #12: the mail kept while no mail server is set, for admins (it holds invitation links and password tokens).
 * With a mail server the list stays as it was when the server was configured.
 */
@Service
public class OutgoingMails {

    private final StoredOutgoingMails stored;
    private final Path folder;

    OutgoingMails(StoredOutgoingMails stored, @Value("${partnerdesk.data-dir}") Path dataDir) {
        this.stored = stored;
        this.folder = keptMailFolder(dataDir);
    }

    static Path keptMailFolder(Path dataDir) {
        return dataDir.resolve("mail").toAbsolutePath().normalize();
    }

    public CursorPage<KeptMail> page(Actor actor, PageRequest page) {
        actor.requireAdmin();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, KeptMail::id);
    }

    public KeptMail find(Actor actor, long id) {
        actor.requireAdmin();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("Outgoing mail " + id));
    }

    /** The kept .eml itself, as the mail server would have received it. */
    public byte[] eml(Actor actor, long id) {
        KeptMail mail = find(actor, id);
        try {
            return Files.readAllBytes(folder.resolve(mail.fileName()));
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("The file of outgoing mail " + id + " (" + mail.fileName() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
