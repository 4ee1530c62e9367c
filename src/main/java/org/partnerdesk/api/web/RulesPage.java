package org.partnerdesk.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules page every error's {@code help} link points to (docs/rules.md, copied into the jar at build time), open
 * to everyone: Markdown for clients, HTML with one anchor per rule id ({@code #tkt-3}) for browsers.
 */
@Hidden
@RestController
class RulesPage {

    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final @Nullable String markdown;
    private final @Nullable String html;

    RulesPage() {
        this.markdown = read(new ClassPathResource("docs/rules.md"));
        this.html = markdown == null ? null : page(markdown);
    }

    @GetMapping({"/docs/rules.md", "/docs/rules"})
    ResponseEntity<String> rules(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        if (markdown == null || html == null) {
            return ResponseEntity.notFound().build();
        }
        // a browser asks for HTML first; curl and API clients send */* and get the Markdown as written
        boolean browser = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        return ResponseEntity.ok()
                .contentType(browser ? new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8) : MARKDOWN)
                .body(browser ? html : markdown);
    }

    private static @Nullable String read(ClassPathResource resource) {
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page(String markdown) {
        Node document = Parser.builder().build().parse(markdown);
        String body = HtmlRenderer.builder()
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading heading) {
                        attributes.put("id", anchor(heading));
                    }
                })
                .build().render(document);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>PartnerDesk rules</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
                code{background:#f3f3f3;padding:0 .2em}h3{margin-top:2rem}:target{background:#fff6d5}</style>
                </head><body>
                """ + body + "</body></html>\n";
    }

    // as GitHub anchors a heading: its text in lower case, spaces as hyphens ("TKT-3" -> "tkt-3")
    private static String anchor(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }
        });
        return text.toString().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
