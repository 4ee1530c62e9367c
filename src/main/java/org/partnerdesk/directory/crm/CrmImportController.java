package org.partnerdesk.directory.crm;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.NeverReplayed;
import org.partnerdesk.api.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v2/imports/crm} (SPEC 7, DIR-7): {@code POST ?kind=accounts|contacts} with the CSV file as the body,
 * streamed into the import (admins); the reports and their rejects (agents and admins).
 */
@RestController
@RequestMapping("/api/v2/imports/crm")
class CrmImportController {

    private final CrmImports imports;

    CrmImportController(CrmImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/csv", "application/octet-stream"})
    @ResponseStatus(HttpStatus.CREATED)
    @NeverReplayed("DIR-7: an import is idempotent by itself, and its CSV bodies are streamed, never held to be replayed")
    ImportResponse create(Actor actor, HttpServletRequest request, @RequestParam(name = "kind", required = false) @Nullable String kind,
                                   @RequestParam(name = "file_name", required = false) @Nullable String fileName) throws IOException {
        actor.requireAdmin();
        ImportKind importKind = ImportKind.fromCode(kind == null ? "" : kind.strip()).orElseThrow(() ->
                ApiException.invalid("kind", kind == null ? "blank" : "invalid_value", "must be accounts or contacts"));
        if (fileName != null && fileName.length() > 1000) {
            throw ApiException.invalid("file_name", "too_long", "is longer than 1000 characters");
        }
        CrmImport done = imports.run(actor, importKind, fileName == null || fileName.isBlank() ? null : fileName.strip(),
                CrmImport.FROM_API, request.getInputStream());
        return new ImportResponse(ImportJson.of(done));
    }

    @GetMapping
    ImportPage list(Actor actor, HttpServletRequest request) {
        return imports.page(actor, PageRequest.from(request)).body(ImportJson::of, request, ImportPage::new);
    }

    @GetMapping("/{id}")
    ImportResponse show(Actor actor, @PathVariable long id) {
        return new ImportResponse(ImportJson.of(imports.find(actor, id)));
    }

    @GetMapping("/{id}/rejects")
    RejectPage rejects(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return imports.rejects(actor, id, PageRequest.from(request)).body(reject -> reject, request, RejectPage::new);
    }

    record ImportJson(long id, String kind, @Nullable String fileName, String source, long actorId, Instant startedAt,
                      @Nullable Instant finishedAt, int rows, int created, int updated, int unchanged, int rejectedCount,
                      List<Reject> rejected) {
        static ImportJson of(CrmImport i) {
            return new ImportJson(i.id(), i.kind().code(), i.fileName(), i.source(), i.actorId(), i.startedAt(), i.finishedAt(),
                    i.rows(), i.created(), i.updated(), i.unchanged(), i.rejectedCount(), i.rejected());
        }
    }

    /** The root object of one import (DIR-7); {@code import} is a Java keyword, hence the explicit name. */
    record ImportResponse(@JsonProperty("import") ImportJson crmImport) {
    }

    /** One cursor page of imports (API-1). */
    record ImportPage(List<ImportJson> imports, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** One cursor page of an import's rejected rows (API-1). */
    record RejectPage(List<Reject> rejects, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
