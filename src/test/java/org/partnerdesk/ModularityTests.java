package org.partnerdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of DESIGN.md talk only through each other's top-level packages, to the modules each declares, without
 * cycles; docs/modules is what Spring Modulith's Documenter writes for them today.
 */
class ModularityTests {

    /** Committed, linked from docs/architecture.md. */
    private static final Path COMMITTED_DOCS = Path.of("docs", "modules");
    private static final Path FRESH_DOCS = Path.of("target", "modules-docs");

    private final ApplicationModules modules = ApplicationModules.of(PartnerDeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    // an undeclared module may depend on any other: every module root says who it is and which modules it may use
    @Test
    void everyModuleDeclaresItsNameAndTheModulesItMayUse() throws ClassNotFoundException {
        for (var module : modules) {
            String name = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(name + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule on %s", name).isNotNull();
            assertThat(declared.displayName()).as("display name of %s", name).isNotBlank();
            assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", name)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        }
    }

    // a stale copy is replaced here, so the failing run leaves the current documentation to review and commit
    @Test
    void committedModuleDocumentationIsCurrent() {
        write(FRESH_DOCS);
        Map<String, String> fresh = contents(FRESH_DOCS);
        if (!fresh.equals(contents(COMMITTED_DOCS))) {
            write(COMMITTED_DOCS);
            fail(COMMITTED_DOCS + " did not match the modules and has been regenerated: review the diff and commit it");
        }
        assertThat(fresh).containsKeys("components.puml", "module-ticket.puml", "module-ticket.adoc", "all-docs.adoc");
    }

    /** Overall and per-module component diagrams (PlantUML, C4), a canvas per module, and all-docs.adoc with all of them. */
    private void write(Path folder) {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation()
                .writeAggregatingDocument();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                Files.writeString(path, inStableOrder(Files.readString(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Documenter lists relations, components and events in hash order, which changes from run to run: each run of
     * consecutive {@code Rel(…)}, {@code Component(…)} or list-item lines is sorted, so the same modules write the same files.
     */
    static String inStableOrder(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end))) && !lines.get(end).startsWith("|")) {
                end++;
            }
            if (end - start > 1) {
                List<String> run = lines.subList(start, end);
                String cellStart = run.get(0).startsWith("|") ? "|" : ""; // an AsciiDoc table cell opens on its first item
                run.set(0, run.get(0).substring(cellStart.length()));
                run.sort(null);
                run.set(0, cellStart + run.get(0));
            }
            start = end;
        }
        return String.join("\n", lines);
    }

    private static @Nullable String kind(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        if (line.strip().startsWith("Component(")) {
            return "component";
        }
        return line.startsWith("* ") || line.startsWith("|* ") ? "item" : null;
    }

    private static Map<String, String> contents(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
