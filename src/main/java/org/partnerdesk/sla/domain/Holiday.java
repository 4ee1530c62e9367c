package org.partnerdesk.sla.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;

/** A day on which the SLA clock stops (DOMAIN-FACTS "Priority support targets": Easter, 25 December, 1 January). */
public sealed interface Holiday {

    boolean isOn(LocalDate day);

    /** The same day every year, such as 25 December. */
    record Fixed(MonthDay day) implements Holiday {
        @Override
        public boolean isOn(LocalDate date) {
            return MonthDay.from(date).equals(day);
        }
    }

    /** Easter Sunday, which moves with the moon. */
    record EasterSunday() implements Holiday {
        @Override
        public boolean isOn(LocalDate date) {
            return date.equals(easterSunday(date.getYear()));
        }
    }

    /** {@code easter}, or a month and day as {@code 12-25} (or ISO {@code --12-25}). */
    static Holiday parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("easter")) {
            return new EasterSunday();
        }
        return new Fixed(MonthDay.parse(value.startsWith("--") ? value : "--" + value));
    }

    /** Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
