package org.partnerdesk.directory.crm;

import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.StorableText;

/** One record of a CRM file and its row number (the header is row 1; a quoted newline does not start a row). */
record CsvRow(int row, CSVRecord record, int headerSize) {

    boolean isConsistent() {
        return record.size() == headerSize;
    }

    /** The column's value, trimmed; empty when the column is absent (optional columns) or empty. */
    String value(String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    /** The first column whose value the desk cannot store (a NUL, see StorableText), named by the header; none: null. */
    @Nullable String unstorableColumn() {
        List<String> header = record.getParser().getHeaderNames();
        for (int i = 0; i < record.size(); i++) {
            if (!StorableText.isStorable(record.get(i))) {
                String name = i < header.size() ? header.get(i) : "";
                return StorableText.isStorable(name) && !name.isBlank() ? name : "column " + (i + 1);
            }
        }
        return null;
    }

    String fieldCountProblem() {
        return "has " + record.size() + " fields; the header has " + headerSize
                + " (a quote that is not closed, or a separator too many or too few)";
    }
}
