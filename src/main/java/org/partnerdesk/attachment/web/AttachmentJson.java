package org.partnerdesk.attachment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.Upload;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's upload and attachment shapes, with the file's SHA-256 added. */
final class AttachmentJson {

    private AttachmentJson() {
    }

    static Map<String, Object> upload(Upload upload) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", upload.token());
        json.put("expires_at", upload.expiresAt());
        json.put("attachment", attachment(upload.latest()));
        json.put("attachments", upload.attachments().stream().map(AttachmentJson::attachment).toList());
        return json;
    }

    static Map<String, Object> attachment(Attachment a) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("url", base + a.path() + ".json");
        json.put("file_name", a.fileName());
        json.put("content_url", base + a.contentPath());
        json.put("mapped_content_url", base + a.contentPath());
        json.put("content_type", a.contentType());
        json.put("size", a.size());
        json.put("sha256", a.sha256());
        json.put("width", null);
        json.put("height", null);
        json.put("inline", false);
        json.put("deleted", false);
        json.put("malware_access_override", false);
        json.put("malware_scan_result", "not_scanned");
        json.put("thumbnails", List.of());
        return json;
    }
}
