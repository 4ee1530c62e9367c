package org.partnerdesk.directory;

/** TKT-9: how a partner's tickets must be handled, as agents are to read it. */
public record SpecialProcess(String partner, String text) {
}
