package org.partnerdesk.attachment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.FileStore.StoredFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploads and attachments tables (FILE-1). */
@Repository
public class StoredAttachments {

    private static final String COLUMNS = "id, uploader_id, file_name, content_type, size, sha256, storage_key, ticket_id, "
            + "comment_id, comment_public, created_at";

    private final JdbcClient db;

    StoredAttachments(JdbcClient db) {
        this.db = db;
    }

    /** An upload token's row; {@code commentId} is set once a comment has used it. */
    public record UploadRow(long id, String token, long uploaderId, Instant expiresAt, @org.jspecify.annotations.Nullable Long commentId) {

        public boolean isUsableBy(long userId, Instant now) {
            return uploaderId == userId && commentId == null && expiresAt.isAfter(now);
        }
    }

    /** What the sweep removes: an expired upload and the storage keys of its files. */
    public record ExpiredUpload(long id, List<String> storageKeys) {
    }

    public UploadRow insertUpload(String token, long uploaderId, Instant expiresAt) {
        long id = db.sql("insert into uploads (token, uploader_id, expires_at) values (?, ?, ?) returning id")
                .params(token, uploaderId, Timestamp.from(expiresAt)).query(Long.class).single();
        return new UploadRow(id, token, uploaderId, expiresAt, null);
    }

    public Optional<UploadRow> findUpload(String token) {
        return db.sql("select id, token, uploader_id, expires_at, comment_id from uploads where token = ?").param(token)
                .query(StoredAttachments::upload).optional();
    }

    /** For update: a second file for the same token, a comment using it and the sweep take turns. */
    public Optional<UploadRow> lockUpload(String token) {
        return db.sql("select id, token, uploader_id, expires_at, comment_id from uploads where token = ? for update").param(token)
                .query(StoredAttachments::upload).optional();
    }

    public Attachment insertAttachment(long uploadId, long uploaderId, String fileName, String contentType, StoredFile file) {
        long id = db.sql("""
                        insert into attachments (upload_id, uploader_id, file_name, content_type, size, sha256, storage_key)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(uploadId, uploaderId, fileName, contentType, file.size(), file.sha256(), file.key())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public List<Attachment> ofUpload(long uploadId) {
        return db.sql("select " + COLUMNS + " from attachments where upload_id = ? order by id").param(uploadId)
                .query(StoredAttachments::attachment).list();
    }

    public Optional<Attachment> find(long id) {
        return db.sql("select " + COLUMNS + " from attachments where id = ?").param(id).query(StoredAttachments::attachment).optional();
    }

    /**
     * Binds the uploads of {@code tokens} that are the author's, unexpired and unused to the comment, with their files;
     * answers the tokens it bound.
     */
    public List<String> claim(Collection<String> tokens, long authorId, long ticketId, long commentId, boolean isPublic, Instant now) {
        List<String> claimed = db.sql("""
                        update uploads set ticket_id = ?, comment_id = ?
                         where token = any(?) and uploader_id = ? and expires_at > ? and comment_id is null
                        returning token""")
                .params(ticketId, commentId, tokens.toArray(String[]::new), authorId, Timestamp.from(now))
                .query(String.class).list();
        if (!claimed.isEmpty()) {
            db.sql("update attachments a set ticket_id = ?, comment_id = ?, comment_public = ? from uploads u"
                            + " where a.upload_id = u.id and u.token = any(?)")
                    .params(ticketId, commentId, isPublic, claimed.toArray(String[]::new)).update();
        }
        return claimed;
    }

    /** Issue #17 item 5: a purged ticket's attachments and their uploads go; answers the storage keys of their files. */
    public List<String> removeOfTicket(long ticketId) {
        List<String> keys = db.sql("delete from attachments where ticket_id = ? returning storage_key").param(ticketId).query(String.class).list();
        db.sql("delete from uploads where ticket_id = ?").param(ticketId).update();
        return keys;
    }

    public List<Attachment> ofComments(Collection<Long> commentIds) {
        return db.sql("select " + COLUMNS + " from attachments where comment_id = any(?) order by comment_id, id")
                .param(commentIds.toArray(Long[]::new)).query(StoredAttachments::attachment).list();
    }

    /** Expired uploads no comment used, locked; another node's sweep skips them. */
    public List<ExpiredUpload> lockExpired(Instant now, int limit) {
        List<Long> ids = db.sql("""
                        select id from uploads where comment_id is null and expires_at <= ?
                         order by expires_at limit ? for update skip locked""")
                .params(Timestamp.from(now), limit).query(Long.class).list();
        Map<Long, List<String>> keys = new LinkedHashMap<>();
        ids.forEach(id -> keys.put(id, new ArrayList<>()));
        db.sql("select upload_id, storage_key from attachments where upload_id = any(?) order by id")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> keys.get(rs.getLong(1)).add(rs.getString(2))).list();
        return keys.entrySet().stream().map(e -> new ExpiredUpload(e.getKey(), e.getValue())).toList();
    }

    public List<String> storageKeysOf(long uploadId) {
        return db.sql("select storage_key from attachments where upload_id = ? order by id").param(uploadId).query(String.class).list();
    }

    public void deleteUploads(Collection<Long> uploadIds) {
        Long[] ids = uploadIds.toArray(Long[]::new);
        db.sql("delete from attachments where upload_id = any(?)").param(ids).update();
        db.sql("delete from uploads where id = any(?)").param(ids).update();
    }

    private static UploadRow upload(ResultSet rs, int row) throws SQLException {
        return new UploadRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                (Long) rs.getObject(5));
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), (Long) rs.getObject(8), (Long) rs.getObject(9), (Boolean) rs.getObject(10),
                rs.getTimestamp(11).toInstant());
    }
}
