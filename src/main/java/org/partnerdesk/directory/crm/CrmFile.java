package org.partnerdesk.directory.crm;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;
import org.partnerdesk.api.ApiException;

/**
 * A CRM export read record by record, never whole (DIR-7): UTF-8 with or without a BOM, CRLF or LF, quoted fields
 * with separators, quotes and newlines inside, blank lines anywhere. A record that does not fit the header is handed
 * on for the import to reject; only a file without the required columns is refused as a whole.
 */
final class CrmFile implements Closeable {

    // lenient about what a malformed row leaves behind (text after a closing quote, a quote open at the end), so the
    // row is rejected on its own instead of failing the whole file
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(false)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int headerSize;
    private int row = 1;

    private CrmFile(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.headerSize = parser.getHeaderNames().size();
    }

    /** Opens the file and checks its header; 422 naming the missing columns when it lacks any the kind requires. */
    static CrmFile open(InputStream body, ImportKind kind) {
        CSVParser parser;
        try {
            InputStream withoutBom = BOMInputStream.builder().setInputStream(body).get();
            parser = FORMAT.parse(new InputStreamReader(withoutBom, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw ApiException.invalid("file", "unreadable", "is not a CSV file with a header row: " + e.getMessage());
        }
        Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        present.addAll(parser.getHeaderNames());
        List<String> missing = kind.required().stream().filter(column -> !present.contains(column)).toList();
        if (missing.isEmpty()) {
            return new CrmFile(parser);
        }
        throw new ApiException(422, "RecordInvalid", "The " + kind.code() + " file lacks the columns " + String.join(", ", missing)
                + "; its header must name " + String.join(", ", kind.required()) + " (and may name "
                + String.join(", ", kind.optional()) + ").",
                Map.of("file", List.of(new ApiException.FieldError("missing columns: " + String.join(", ", missing), "missing_columns"))));
    }

    /** Hands the non-blank records on in chunks of {@code size}; answers how many records were read. */
    int forEachChunk(int size, Consumer<List<CsvRow>> chunk) {
        List<CsvRow> rows = new ArrayList<>(size);
        int read = 0;
        while (hasNext()) {
            CSVRecord record = records.next();
            row++;
            if (isBlank(record)) {
                continue;
            }
            read++;
            rows.add(new CsvRow(row, record, headerSize));
            if (rows.size() == size) {
                chunk.accept(List.copyOf(rows));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            chunk.accept(List.copyOf(rows));
        }
        return read;
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ApiException.invalid("file", "unreadable", "could not be read after row " + row + ": " + e.getMessage()
                    + ". Nothing was imported.");
        }
    }

    // blank lines (a trailing newline, an empty row between records) are not rows to import
    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
