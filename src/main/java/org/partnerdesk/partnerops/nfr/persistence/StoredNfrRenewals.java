package org.partnerdesk.partnerops.nfr.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nfr_renewals table: one renewal or reminder per expiring license, claimed before it is done (PO-3). */
@Repository
public class StoredNfrRenewals {

    private final JdbcClient db;

    StoredNfrRenewals(JdbcClient db) {
        this.db = db;
    }

    /** True when this call claimed the license; a second run (or a second node) finds it taken and does nothing. */
    public boolean claim(long licenseId, String action) {
        return db.sql("insert into nfr_renewals (nfr_license_id, action) values (?, ?) on conflict (nfr_license_id) do nothing")
                .params(licenseId, action).update() == 1;
    }

    public void renewedAs(long licenseId, long renewedLicenseId) {
        db.sql("update nfr_renewals set renewed_license_id = ? where nfr_license_id = ?").params(renewedLicenseId, licenseId).update();
    }
}
