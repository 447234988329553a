package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The normalisation table: which variants of an address count as the same signer. */
class EmailAddressesTest {

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
            // case is ignored everywhere
            "Alice@Example.ORG,            alice@example.org",
            // unknown providers keep dots and +tags: they may be different mailboxes
            "a.lice+news@example.org,      a.lice+news@example.org",
            "a.lice@ukr.net,               a.lice@ukr.net",
            // Gmail ignores dots and +tags, and googlemail.com is gmail.com
            "John.Doe@gmail.com,           johndoe@gmail.com",
            "j.o.h.n.d.o.e+petition@GMAIL.com, johndoe@gmail.com",
            "johndoe+a+b@googlemail.com,   johndoe@gmail.com",
            // providers that drop +tags but keep dots
            "first.last+tag@outlook.com,   first.last@outlook.com",
            "first.last+tag@hotmail.com,   first.last@hotmail.com",
            "me+x@icloud.com,              me@icloud.com",
            "me+x@proton.me,               me@proton.me",
            "me+x@protonmail.com,          me@protonmail.com",
            "me+x@fastmail.com,            me@fastmail.com",
            "ivan.petrov+1@yandex.ru,      ivan.petrov@yandex.ru",
            // a leading plus is not a tag
            "+tag@gmail.com,               +tag@gmail.com",
    })
    void normalises(String address, String expected) {
        assertThat(EmailAddresses.valid(address)).isPresent();
        assertThat(EmailAddresses.normalise(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "a@", "a@b", "a@@b.org", "a b@example.org", "a@exa mple.org",
            ".a@example.org", "a.@example.org", "a..b@example.org", "<script>@example.org", "a@example.org>",
            "\"quoted\"@example.org", "a@-example.org", "Name <a@example.org>"})
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddresses.valid(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.org", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x_y-z@xn--80ak6aa92e.com"})
    void acceptsWellFormedAddresses(String address) {
        assertThat(EmailAddresses.valid(address)).contains(address);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.77, 203.0.113.0/24", "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64", "2001:db8::1, 2001:db8:0:0::/64"})
    void subnets(String ip, String subnet) {
        assertThat(Petitions.subnet(ip)).isEqualTo(subnet);
    }
}
