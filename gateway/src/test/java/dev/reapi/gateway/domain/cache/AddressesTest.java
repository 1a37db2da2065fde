package dev.reapi.gateway.domain.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234 Oak St, Springfield, IL 62704|1234 OAK ST, SPRINGFIELD, IL 62704",
                "1234 oak street, springfield, illinois 62704|1234 OAK ST, SPRINGFIELD, IL 62704",
                "  1234   Oak  St. ,Springfield ,IL  62704 |1234 OAK ST, SPRINGFIELD, IL 62704",
                "12 North Main Avenue, New York, New York 10001|12 N MAIN AVE, NEW YORK, NY 10001",
                "7 W. Elm Blvd., Charleston, West Virginia 25301|7 W ELM BLVD, CHARLESTON, WV"
                        + " 25301",
                "5 Oak Road, Apartment 4, Austin, Texas|5 OAK RD, APT 4, AUSTIN, TX",
                "9 Lake Drive Springfield IL 62704|9 LAKE DR SPRINGFIELD IL 62704",
                "1 Court St, Austin, TX 78701-1234|1 CT ST, AUSTIN, TX 787011234",
            })
    void canonical_spellingsOfOneAddress_agree(String input, String expected) {
        assertThat(Addresses.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234 Oak Street, Springfield, Illinois 62704",
                "12 North Main Avenue, New York, New York 10001",
                "7 W. Elm Blvd., Apartment 4, Charleston, West Virginia 25301",
            })
    void canonical_isIdempotent(String input) {
        String once = Addresses.canonical(input);

        assertThat(Addresses.canonical(once)).isEqualTo(once);
    }
}
