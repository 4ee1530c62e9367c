package org.partnerdesk.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a documented {@code curl} line asks for, read as curl reads its options: method, URL, {@code -u} user,
 * {@code -H} headers and the {@code -d} body ({@code @file} from the examples' files). An option curl has but the
 * docs do not use is refused, so a new one is noticed rather than silently dropped.
 */
record CurlRequest(String method, String url, @Nullable String user, List<String[]> headers, byte @Nullable [] body,
                   @Nullable Integer expectedStatus, @Nullable String expectedRule, String where) {

    // "# 422 TKT-3 …": the status the example shows, and the rule its refusal names
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})(?:\\s+([A-Z]+-\\d+))?\\b.*");

    static CurlRequest of(ShellExamples.Command command, Path files) {
        List<String> words = command.words();
        String where = command.source() + ":" + command.line();
        String method = null;
        String url = null;
        String user = null;
        List<String[]> headers = new ArrayList<>();
        byte[] body = null;
        boolean head = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-u", "--user" -> user = words.get(++i);
                case "-H", "--header" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    headers.add(new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
                }
                case "-d", "--data", "--data-raw", "--data-binary" -> body = data(words.get(++i), files);
                case "-X", "--request" -> method = words.get(++i);
                case "-I", "--head" -> head = true;
                case "-i", "-s", "-S", "-sS", "-f", "--fail", "-L", "-v", "--include", "--silent" -> {
                }
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException(where + ": the docs test does not know curl's option " + word);
                    }
                    url = word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException(where + ": a curl line without a URL");
        }
        if (method == null) {
            method = head ? "HEAD" : body != null ? "POST" : "GET";
        }
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"}); // as curl sends -d
        }
        Integer expected = null;
        String rule = null;
        if (command.comment() != null) {
            Matcher status = STATUS.matcher(command.comment());
            if (status.matches()) {
                expected = Integer.valueOf(status.group(1));
                rule = status.group(2);
            }
        }
        return new CurlRequest(method, url, user, headers, body, expected, rule, where);
    }

    private static byte[] data(String value, Path files) {
        if (value.startsWith("@")) {
            try {
                return Files.readAllBytes(files.resolve(value.substring(1)));
            } catch (IOException e) {
                throw new UncheckedIOException("the example file " + value.substring(1) + " is not in " + files, e);
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
