package org.partnerdesk.partnerops.nfr.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.Certification;
import org.partnerdesk.partnerops.CertificationKind;
import org.partnerdesk.partnerops.Certifications;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/certifications} (PO-3): the certification register; Partner Operations write, partners read their own. */
@RestController
@RequestMapping("/api/v2/certifications")
class CertificationController {

    private final Certifications certifications;

    CertificationController(Certifications certifications) {
        this.certifications = certifications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(Actor actor, @RequestBody JsonNode body) {
        certifications.requireMayRecord(actor);
        JsonBody request = JsonBody.root(body, "certification");
        Long organizationId = request.requiredId("organization_id");
        Long userId = request.requiredId("user_id");
        String kind = request.requiredOneOf("kind", CertificationKind.CODES);
        var passedOn = request.requiredDate("passed_on");
        var expiresOn = request.date("expires_on");
        request.throwIfInvalid();
        return Map.of("certification", json(certifications.record(actor, new Certifications.Record(organizationId, userId,
                CertificationKind.fromCode(kind).orElseThrow(), passedOn, expiresOn))));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("certification", json(certifications.find(actor, id)));
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             HttpServletRequest request) {
        return certifications.page(actor, PageRequest.from(request), organizationId)
                .body("certifications", CertificationController::json, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable long id) {
        certifications.remove(actor, id);
    }

    static Map<String, Object> json(Certification c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("organization_id", c.organizationId());
        json.put("user_id", c.userId());
        json.put("kind", c.kind().code());
        json.put("passed_on", c.passedOn().toString());
        json.put("expires_on", c.expiresOn() == null ? null : c.expiresOn().toString());
        json.put("recorded_by_id", c.recordedBy());
        json.put("created_at", c.createdAt());
        return json;
    }
}
