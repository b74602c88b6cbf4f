package org.scimengine.demo.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "john.doe@example.com",
            "a@b.co",
            "first.last+tag@sub.example.co.uk",
            "o'brien@example.ie",
            "user_name-1@my-domain.org",
            "x!#$%&*/=?^`{|}~@example.com",
            "JOHN.DOE@EXAMPLE.COM",
            "user@xn--mller-kva.de",
            // RFC 6531/6532: UTF-8 mailbox names and international domain names.
            "jörg@müller.de",
            "用户@例子.广告",
            "пользователь@пример.рф",
            "δοκιμή@παράδειγμα.δοκιμή",
            "अजय@डाटा.भारत",
            "θσερ@example.com",
    })
    void acceptsAddressesMailSystemsDeliverTo(String address) {
        assertThat(EmailAddresses.problem(address)).isNull();
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "john.doe                  | has no '@'",
            "john.doe@                 | has no domain",
            "@example.com              | has no mailbox name",
            "john@doe@example.com      | more than one '@'",
            ".john@example.com         | starts or ends with '.'",
            "john.@example.com         | starts or ends with '.'",
            "john..doe@example.com     | two in a row",
            "john doe@example.com      | contains a space",
            "john(doe)@example.com     | '(' (U+0028)",
            "john@example              | without a top-level domain",
            "john@example..com         | not a valid domain name",
            "john@-example.com         | not a valid domain name",
            "john@exa_mple.com         | not a valid domain name",
            "john@example.123          | top-level domain that is not a name",
            "john@[192.0.2.1]          | address literal",
            "\"john doe\"@example.com  | quoted mailbox name",
    })
    void refusesOthersSayingWhy(String address, String why) {
        assertThat(EmailAddresses.problem(address)).contains(why);
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "john\u202E@example.com",     // a right-to-left override makes the address read as another
            "jo\u200Bhn@example.com",     // zero-width space
            "john@exa\u200Dmple.com",     // zero-width joiner in the domain
            "john\u0000@example.com",     // NUL
            "john\u3000@example.com",     // ideographic space
            "john\uE000@example.com",     // private use
            "john\t@example.com",
    })
    void refusesInvisibleCharacters(String address) {
        assertThat(EmailAddresses.problem(address)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"john\uFF20example.com", "john\uFE6Bexample.com"})
    void aLookalikeOfTheAtSignIsNoAtSign(String address) {
        assertThat(EmailAddresses.problem(address)).contains("has no '@'");
    }

    @ParameterizedTest
    @CsvSource({
            "64, true",
            "65, false",
    })
    void theMailboxNameHoldsAtMost64Bytes(int length, boolean valid) {
        assertThat(EmailAddresses.isValid("a".repeat(length) + "@example.com")).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "32, true",
            "33, false",
    })
    void theLimitCountsBytesNotCharacters(int letters, boolean valid) {
        // "ü" is two bytes in UTF-8.
        assertThat(EmailAddresses.isValid("ü".repeat(letters) + "@example.com")).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "63, true",
            "64, false",
    })
    void aDomainLabelHoldsAtMost63Characters(int length, boolean valid) {
        assertThat(EmailAddresses.isValid("john@" + "a".repeat(length) + ".com")).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "254, true",
            "255, false",
    })
    void anAddressHoldsAtMost254Characters(int length, boolean valid) {
        String domain = ("a".repeat(62) + ".").repeat(3) + "com"; // 192 characters
        String address = "b".repeat(length - domain.length() - 1) + "@" + domain; // a mailbox name of 61 or 62
        assertThat(address).hasSize(length);
        assertThat(EmailAddresses.isValid(address)).isEqualTo(valid);
    }
}
