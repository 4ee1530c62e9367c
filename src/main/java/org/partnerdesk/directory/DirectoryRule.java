package org.partnerdesk.directory;

/** The directory's rules, by their SPEC ids, for refusals and audits. */
public enum DirectoryRule {
    DIR_1, DIR_2, DIR_3, DIR_4, DIR_5, DIR_6, DIR_8;

    public String id() {
        return name().replace('_', '-');
    }
}
