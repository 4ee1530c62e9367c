package org.partnerdesk.directory.crm;

import org.apache.commons.csv.CSVRecord;

/** One record of a CRM file and its row number (the header is row 1; a quoted newline does not start a row). */
record CsvRow(int row, CSVRecord record, int headerSize) {

    boolean isConsistent() {
        return record.size() == headerSize;
    }

    /** The column's value, trimmed; empty when the column is absent (optional columns) or empty. */
    String value(String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    String fieldCountProblem() {
        return "has " + record.size() + " fields; the header has " + headerSize
                + " (a quote that is not closed, or a separator too many or too few)";
    }
}
