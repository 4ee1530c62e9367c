package org.partnerdesk.directory.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.partnerdesk.directory.Term;

/** UI-1: a term as a person reads it: "1 Jan 2026 – 31 Dec 2026", both days included (DIR-5, DIR-6). */
final class DirectoryDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DirectoryDates() {
    }

    static String term(Term term) {
        return DAY.format(term.startsOn()) + " – " + DAY.format(term.endsOn());
    }
}
