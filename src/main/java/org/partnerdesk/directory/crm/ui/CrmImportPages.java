package org.partnerdesk.directory.crm.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.directory.crm.CrmImport;
import org.partnerdesk.directory.crm.CrmImports;
import org.partnerdesk.directory.crm.CrmUpload;
import org.partnerdesk.directory.crm.CrmUploads;
import org.partnerdesk.directory.crm.ImportKind;
import org.partnerdesk.directory.crm.Reject;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * #16 operations console, DIR-7: upload the CRM's accounts and contacts files (admins, as over the API), follow the run
 * (htmx polls a fragment every second; without JavaScript the page is reloaded), read each run's rejected rows (row,
 * column, reason) and the history of runs. Parsing and importing stay {@link CrmImports}'; {@link CrmUploads} runs them.
 */
@ConsolePage
class CrmImportPages {

    private static final int PAGE_SIZE = 50;
    /** Rejected rows shown with a finished upload; the run's own page lists them all. */
    private static final int REJECTS_SHOWN = 25;

    private final CrmImports imports;
    private final CrmUploads uploads;
    private final Users users;
    private final Clock clock;

    CrmImportPages(CrmImports imports, CrmUploads uploads, Users users, Clock clock) {
        this.imports = imports;
        this.uploads = uploads;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/ops/crm-imports")
    String history(Actor actor, HttpServletRequest request, Model model) {
        actor.requireStaff();
        return history(actor, PageRequest.from(request).afterId(), null, model);
    }

    /** DIR-7: the two files of a CRM export, either or both; admins only, asked before the files are read. */
    @PostMapping("/ops/crm-imports")
    String upload(Actor actor, @RequestParam(name = "accounts", required = false) @Nullable MultipartFile accounts,
                  @RequestParam(name = "contacts", required = false) @Nullable MultipartFile contacts, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        if (!uploads.mayRun(actor)) {
            throw ApiException.forbidden("Only administrators run CRM imports (DIR-7).");
        }
        List<CrmUploads.Upload> chosen = new ArrayList<>();
        List<InputStream> opened = new ArrayList<>();
        try {
            for (var file : List.of(Map.entry(ImportKind.ACCOUNTS, Optional.ofNullable(accounts)),
                    Map.entry(ImportKind.CONTACTS, Optional.ofNullable(contacts)))) {
                if (file.getValue().isPresent() && !file.getValue().get().isEmpty()) {
                    MultipartFile sent = file.getValue().get();
                    InputStream content = sent.getInputStream();
                    opened.add(content);
                    chosen.add(new CrmUploads.Upload(file.getKey(), fileName(sent, file.getKey()), sent.getSize(), content));
                }
            }
            if (chosen.isEmpty()) {
                response.setStatus(422);
                return history(actor, 0, "Choose the accounts CSV, the contacts CSV, or both.", model);
            }
            CrmUpload started = uploads.start(actor, chosen);
            redirect.addFlashAttribute("flash", "Upload received: the import runs now.");
            return "redirect:/ops/crm-imports/uploads/" + started.id();
        } catch (IOException e) {
            throw new ApiException(500, "UploadFailed", "The files could not be kept for the import (" + e.getMessage() + "); try again.");
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the upload's temporary part goes with the request anyway
                }
            }
        }
    }

    @GetMapping("/ops/crm-imports/uploads/{id}")
    String progressPage(Actor actor, @PathVariable long id, Model model) {
        progress(actor, id, model);
        return "directory/crm-upload";
    }

    /** The part htmx polls every second while the import runs; once it is done the part comes without the poll. */
    @GetMapping("/ops/crm-imports/uploads/{id}/progress")
    String progressPart(Actor actor, @PathVariable long id, Model model) {
        progress(actor, id, model);
        return "directory/crm-upload :: progress";
    }

    @GetMapping("/ops/crm-imports/{id}")
    String run(Actor actor, @PathVariable long id, HttpServletRequest request, Model model) {
        actor.requireStaff();
        CrmImport run = imports.summary(actor, id);
        CursorPage<Reject> rejects = imports.rejects(actor, id, new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId()));
        model.addAttribute("report", ImportReport.of(run, nameOf(run.actorId()), rejects.items()));
        model.addAttribute("nextPage", rejects.hasMore() ? UriComponentsBuilder.fromPath("/ops/crm-imports/{id}")
                .queryParam("page[after]", rejects.afterCursor()).encode().buildAndExpand(id).toUriString() : null);
        return "directory/crm-import";
    }

    private String history(Actor actor, long after, @Nullable String problem, Model model) {
        CursorPage<CrmImport> runs = imports.latest(actor, new PageRequest(PAGE_SIZE, after));
        Map<Long, String> names = names(runs.items().stream().map(CrmImport::actorId).toList());
        model.addAttribute("runs", runs.items().stream().map(run -> ImportReport.of(run, names.getOrDefault(run.actorId(),
                "user " + run.actorId()), List.of())).toList());
        model.addAttribute("nextPage", runs.hasMore() ? UriComponentsBuilder.fromPath("/ops/crm-imports")
                .queryParam("page[after]", runs.afterCursor()).encode().build().toUriString() : null);
        model.addAttribute("mayRun", uploads.mayRun(actor));
        model.addAttribute("problem", problem);
        return "directory/crm-imports";
    }

    private void progress(Actor actor, long id, Model model) {
        CrmUpload upload = uploads.find(actor, id);
        List<ImportReport> reports = new ArrayList<>();
        for (Long importId : new Long[] {upload.accountsImportId(), upload.contactsImportId()}) {
            if (importId != null) {
                CrmImport run = imports.summary(actor, importId);
                List<Reject> rejects = run.rejectedCount() == 0 ? List.of()
                        : imports.rejects(actor, importId, new PageRequest(REJECTS_SHOWN, 0)).items();
                reports.add(ImportReport.of(run, "", rejects));
            }
        }
        model.addAttribute("upload", upload);
        model.addAttribute("files", java.util.stream.Stream.of(upload.accountsFile(), upload.contactsFile())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(", ")));
        model.addAttribute("state", UploadInWords.of(upload, clock.instant()));
        model.addAttribute("reports", reports);
    }

    private String nameOf(long userId) {
        return users.find(userId).map(User::name).orElse("user " + userId);
    }

    private Map<Long, String> names(List<Long> ids) {
        return users.findAll(ids.stream().distinct().toList()).stream().collect(Collectors.toMap(User::id, User::name, (a, b) -> a));
    }

    private static String fileName(MultipartFile file, ImportKind kind) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return kind.code() + ".csv";
        }
        name = name.strip();
        return name.length() > 1000 ? name.substring(0, 1000) : name;
    }
}
