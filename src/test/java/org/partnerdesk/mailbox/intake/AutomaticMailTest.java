package org.partnerdesk.mailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.partnerdesk.mailbox.InboundMail;

/** PO-6: which mail is automatic (never a ticket), and what of a reply is the sender's own words. */
class AutomaticMailTest {

    private static final Set<String> OWN = Set.of("support@partnerdesk.test", "partners@partnerdesk.test");

    @Test
    void aPersonsMailIsNotAutomatic() {
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, null, null), OWN)).isEmpty();
        assertThat(AutomaticMail.why(mail("sam@resell.test", "no", null, "<sam@resell.test>"), OWN)).isEmpty();
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, "first-class", null), OWN)).isEmpty();
    }

    @Test
    void autoRepliesAreAutomatic() {
        assertThat(AutomaticMail.why(mail("sam@resell.test", "auto-replied", null, null), OWN)).hasValueSatisfying(
                why -> assertThat(why).contains("Auto-Submitted"));
        assertThat(AutomaticMail.why(mail("sam@resell.test", "auto-generated; owner-email=\"x@y\"", null, null), OWN)).isPresent();
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, "Bulk", null), OWN)).isPresent();
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, "auto_reply", null), OWN)).isPresent();
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, "junk", null), OWN)).isPresent();
    }

    @Test
    void bouncesAndOurOwnMailAreAutomatic() {
        assertThat(AutomaticMail.why(mail("sam@resell.test", null, null, "<>"), OWN)).hasValue("a bounce (empty Return-Path)");
        assertThat(AutomaticMail.why(mail("MAILER-DAEMON@mx.resell.test", null, null, null), OWN)).isPresent();
        assertThat(AutomaticMail.why(mail("postmaster@resell.test", null, null, null), OWN)).isPresent();
        assertThat(AutomaticMail.why(mail("Support@PartnerDesk.test", null, null, null), OWN)).hasValueSatisfying(
                why -> assertThat(why).contains("loop"));
        assertThat(AutomaticMail.why(mail(null, null, null, null), OWN)).hasValue("no sender address");
    }

    @Test
    void aReplyKeepsOnlyItsOwnWords() {
        assertThat(MailIntake.withoutQuote("Thanks!\n\nOn Mon, 1 Dec 2026, PartnerDesk <support@partnerdesk.test> wrote:\n> old"))
                .isEqualTo("Thanks!");
        assertThat(MailIntake.withoutQuote("Fine.\n-----Original Message-----\nFrom: x")).isEqualTo("Fine.");
        assertThat(MailIntake.withoutQuote("> only quoted")).isEqualTo("(no text)");
        assertThat(MailIntake.withoutQuote("Line one\nline two")).isEqualTo("Line one\nline two");
    }

    private static InboundMail mail(@Nullable String from, @Nullable String autoSubmitted, @Nullable String precedence,
                                    @Nullable String returnPath) {
        return new InboundMail("<1@x>", from, "subject", "body", List.of(), List.of(), autoSubmitted, precedence, returnPath,
                false, false, List.of(), List.of());
    }
}
