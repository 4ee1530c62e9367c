package org.partnerdesk.ticket.ui;

import java.time.LocalDate;

import org.partnerdesk.directory.NfrLicense;

/** UI-1: an NFR license (DIR-6, PO-3) as the organization page lists it, with its state today. */
public record NfrLicenseRow(NfrLicense license, String state) {

    static NfrLicenseRow of(NfrLicense license, LocalDate today) {
        return new NfrLicenseRow(license, license.statusOn(today).code());
    }
}
