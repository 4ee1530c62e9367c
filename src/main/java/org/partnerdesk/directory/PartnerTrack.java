package org.partnerdesk.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** DIR-1: the partner programme track; alliance is the technology-partner track. */
public enum PartnerTrack {
    OPEN, SELECT, ALLIANCE, DISTRIBUTOR;

    public static final Set<String> CODES = Arrays.stream(values()).map(PartnerTrack::code).collect(Collectors.toUnmodifiableSet());

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<PartnerTrack> fromCode(String code) {
        return Arrays.stream(values()).filter(track -> track.code().equals(code)).findFirst();
    }
}
