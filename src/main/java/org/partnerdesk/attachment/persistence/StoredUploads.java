package org.partnerdesk.attachment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.attachment.FileStore.StoredFile;
import org.partnerdesk.attachment.UploadLinks.Link;
import org.partnerdesk.attachment.UploadLinks.UploadedFile;
import org.partnerdesk.attachment.uploader.TusUpload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The upload_links, tus_uploads and uploaded_files tables (FILE-2). */
@Repository
public class StoredUploads {

    private static final String LINK = "id, ticket_id, created_by, expires_at, created_at";
    private static final String UPLOAD = "id, link_id, upload_key, file_name, length, status, created_at";
    private static final String FILE = "id, ticket_id, file_name, size, sha256, storage_key, created_at, removed_at";

    private final JdbcClient db;

    StoredUploads(JdbcClient db) {
        this.db = db;
    }

    public Link insertLink(long ticketId, String tokenHash, long createdBy, Instant expiresAt, Instant now) {
        long id = db.sql("insert into upload_links (ticket_id, token_hash, created_by, expires_at, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(ticketId, tokenHash, createdBy, Timestamp.from(expiresAt), Timestamp.from(now)).query(Long.class).single();
        return new Link(id, ticketId, createdBy, expiresAt, now);
    }

    public Optional<Link> linkByTokenHash(String tokenHash) {
        return db.sql("select " + LINK + " from upload_links where token_hash = ?").param(tokenHash).query(StoredUploads::link).optional();
    }

    public List<Link> links(long ticketId, long afterId, int limit) {
        return db.sql("select " + LINK + " from upload_links where ticket_id = ? and id > ? order by id limit ?")
                .params(ticketId, afterId, limit).query(StoredUploads::link).list();
    }

    public TusUpload insertUpload(long linkId, String key, String fileName, long length, String stagedOn, Instant now) {
        long id = db.sql("insert into tus_uploads (link_id, upload_key, file_name, length, staged_on, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(linkId, key, fileName, length, stagedOn, Timestamp.from(now)).query(Long.class).single();
        return new TusUpload(id, linkId, key, fileName, length, TusUpload.Status.RECEIVING, now);
    }

    public Optional<TusUpload> upload(long linkId, String key) {
        return db.sql("select " + UPLOAD + " from tus_uploads where link_id = ? and upload_key = ?").params(linkId, key)
                .query(StoredUploads::upload).optional();
    }

    /** The node whose staging directory took the upload's first bytes (issue #11 item 6); empty for uploads made before V67. */
    public Optional<String> stagedOn(long uploadId) {
        return db.sql("select staged_on from tus_uploads where id = ?").param(uploadId).query(String.class).optional();
    }

    /** Whether an upload is still receiving bytes, by its key; false for a key no upload has. */
    public boolean isReceiving(String key) {
        return db.sql("select count(*) from tus_uploads where upload_key = ? and status = 'receiving'").param(key)
                .query(Long.class).single() > 0;
    }

    /** Moves a receiving upload on; false when it had already left {@code receiving} (a finish or a termination raced). */
    public boolean leaveReceiving(long uploadId, TusUpload.Status to, Instant at) {
        return db.sql("update tus_uploads set status = ?, finished_at = ? where id = ? and status = 'receiving'")
                .params(to.code(), Timestamp.from(at), uploadId).update() == 1;
    }

    /** Receiving uploads whose link has expired by {@code now}. */
    public List<TusUpload> receivingOnDeadLinks(Instant now) {
        return db.sql("select u.id, u.link_id, u.upload_key, u.file_name, u.length, u.status, u.created_at from tus_uploads u "
                        + "join upload_links l on l.id = u.link_id where u.status = 'receiving' and l.expires_at <= ?")
                .param(Timestamp.from(now)).query(StoredUploads::upload).list();
    }

    public List<Long> ticketsWithReceivingUploadsOrKeptFiles() {
        return db.sql("""
                select l.ticket_id from tus_uploads u join upload_links l on l.id = u.link_id where u.status = 'receiving'
                union
                select ticket_id from uploaded_files where removed_at is null""").query(Long.class).list();
    }

    public List<TusUpload> receivingOnTicket(long ticketId) {
        return db.sql("select u.id, u.link_id, u.upload_key, u.file_name, u.length, u.status, u.created_at from tus_uploads u "
                        + "join upload_links l on l.id = u.link_id where u.status = 'receiving' and l.ticket_id = ?")
                .param(ticketId).query(StoredUploads::upload).list();
    }

    public UploadedFile insertFile(long ticketId, long uploadId, String fileName, StoredFile stored, Instant now) {
        long id = db.sql("""
                        insert into uploaded_files (ticket_id, upload_id, file_name, size, sha256, storage_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(ticketId, uploadId, fileName, stored.size(), stored.sha256(), stored.key(), Timestamp.from(now))
                .query(Long.class).single();
        return new UploadedFile(id, ticketId, fileName, stored.size(), stored.sha256(), now, null);
    }

    public List<UploadedFile> files(long ticketId, long afterId, int limit) {
        return db.sql("select " + FILE + " from uploaded_files where ticket_id = ? and id > ? order by id limit ?")
                .params(ticketId, afterId, limit).query(StoredUploads::file).list();
    }

    public Optional<UploadedFile> file(long ticketId, long id) {
        return db.sql("select " + FILE + " from uploaded_files where ticket_id = ? and id = ?").params(ticketId, id)
                .query(StoredUploads::file).optional();
    }

    public Optional<String> storageKey(long fileId) {
        return db.sql("select storage_key from uploaded_files where id = ? and removed_at is null").param(fileId).query(String.class).optional();
    }

    /** The kept files of a ticket, by storage key, marked removed in the same statement. */
    public List<String> markRemoved(long ticketId, Instant at) {
        return db.sql("update uploaded_files set removed_at = ? where ticket_id = ? and removed_at is null returning storage_key")
                .params(Timestamp.from(at), ticketId).query(String.class).list();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("created_by"), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static TusUpload upload(ResultSet rs, int row) throws SQLException {
        return new TusUpload(rs.getLong("id"), rs.getLong("link_id"), rs.getString("upload_key"), rs.getString("file_name"),
                rs.getLong("length"), TusUpload.Status.of(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }

    private static UploadedFile file(ResultSet rs, int row) throws SQLException {
        Timestamp removed = rs.getTimestamp("removed_at");
        return new UploadedFile(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("file_name"), rs.getLong("size"),
                rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(), removed == null ? null : removed.toInstant());
    }
}
