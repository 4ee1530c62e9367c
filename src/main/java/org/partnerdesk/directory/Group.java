package org.partnerdesk.directory;

import java.time.Instant;

/** DIR-8 a built-in team; belonging to it grants the team's permissions. */
public record Group(long id, String name, String description, Instant createdAt) {
}
