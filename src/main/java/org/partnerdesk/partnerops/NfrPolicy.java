package org.partnerdesk.partnerops;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.PartnerTrack;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PO-3 settings (DOMAIN-FACTS "Partner tracks", "NFR licenses"): the NFR users each track may hold, the days before
 * a license's end when Select licenses renew and Open partners are reminded, and each track's certified employees.
 */
@Component
public class NfrPolicy {

    /** A track's certification requirements (DOMAIN-FACTS): how many employees hold each certification. */
    public record TrackRequirements(int salesCertified, int solutionArchitects, int professionalServicesEngineers) {
    }

    private final Map<PartnerTrack, Integer> allowances = new EnumMap<>(PartnerTrack.class);
    private final Map<PartnerTrack, TrackRequirements> trackRequirements = new EnumMap<>(PartnerTrack.class);
    private final int renewalWindowDays;

    NfrPolicy(@Value("${partnerdesk.nfr.allowance.open:10}") int open,
              @Value("${partnerdesk.nfr.allowance.select:25}") int select,
              @Value("${partnerdesk.nfr.allowance.alliance:10}") int alliance,
              @Value("${partnerdesk.nfr.renewal-window-days:14}") int renewalWindowDays,
              @Value("${partnerdesk.partner-tracks.open.certified:2,1,0}") int[] openCertified,
              @Value("${partnerdesk.partner-tracks.select.certified:4,2,1}") int[] selectCertified) {
        this.allowances.putAll(Map.of(PartnerTrack.OPEN, open, PartnerTrack.SELECT, select, PartnerTrack.ALLIANCE, alliance));
        this.trackRequirements.putAll(Map.of(PartnerTrack.OPEN, requirements(openCertified), PartnerTrack.SELECT, requirements(selectCertified)));
        this.renewalWindowDays = renewalWindowDays;
    }

    /** The DOMAIN-FACTS defaults, for tests of the pure rules. */
    public static NfrPolicy defaults() {
        return new NfrPolicy(10, 25, 10, 14, new int[] {2, 1, 0}, new int[] {4, 2, 1});
    }

    /** The NFR users a partner on this track may hold; empty for tracks without NFR licenses (distributors). */
    public Optional<Integer> allowance(@Nullable PartnerTrack track) {
        return Optional.ofNullable(track == null ? null : allowances.get(track));
    }

    public Optional<TrackRequirements> requirementsOf(@Nullable PartnerTrack track) {
        return Optional.ofNullable(track == null ? null : trackRequirements.get(track));
    }

    /** DOMAIN-FACTS: Open partners renew on request within two weeks of the end; Select ones renew automatically then. */
    public int renewalWindowDays() {
        return renewalWindowDays;
    }

    private static TrackRequirements requirements(int[] counts) {
        if (counts.length != 3) {
            throw new IllegalStateException("partnerdesk.partner-tracks.*.certified takes three counts: sales, solution architects, "
                    + "professional services engineers");
        }
        return new TrackRequirements(counts[0], counts[1], counts[2]);
    }
}
