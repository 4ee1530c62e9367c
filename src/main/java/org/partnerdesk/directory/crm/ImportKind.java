package org.partnerdesk.directory.crm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** DIR-7: the two files of a CRM export and the columns each must have (others are ignored). */
public enum ImportKind {
    ACCOUNTS(List.of("Id", "Name", "Type", "Partner_Track__c", "Partner_Status__c"), List.of("Parent_Company__c", "Domains__c")),
    CONTACTS(List.of("Id", "AccountId", "Email"), List.of("FirstName", "LastName"));

    private final List<String> required;
    private final List<String> optional;

    ImportKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public String code() {
        return name().toLowerCase();
    }

    List<String> required() {
        return required;
    }

    List<String> optional() {
        return optional;
    }

    public static Optional<ImportKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
