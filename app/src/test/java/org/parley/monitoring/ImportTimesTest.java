package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The import's fast reader of UCDP times agrees with the formatters, and leaves what it cannot read to them. */
class ImportTimesTest {

    @Test
    void readsTheUcdpShapesAsTheFormattersDo() {
        DateTimeFormatter ampm = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ENGLISH);
        for (String s : new String[]{"1/22/2014 12:00:00 AM", "12/31/2023 12:59:59 PM", "2/29/2016 1:05:09 PM", "7/4/2019 11:30:00 AM"}) {
            assertThat(Imports.monthFirst(s)).as(s).isEqualTo(LocalDateTime.parse(s, ampm).toInstant(ZoneOffset.UTC));
        }
        assertThat(Imports.monthFirst("05/02/2014 00:00")).isEqualTo(Instant.parse("2014-05-02T00:00:00Z"));
        assertThat(Imports.monthFirst("05/02/2014 23:15:07")).isEqualTo(Instant.parse("2014-05-02T23:15:07Z"));
        assertThat(Imports.monthFirst("3/9/2022")).isEqualTo(Instant.parse("2022-03-09T00:00:00Z"));
    }

    @Test
    void leavesEverythingElseToTheFormatters() {
        for (String s : new String[]{"2014-05-02", "2/30/2016", "13/1/2014", "1/1/14", "1/1/2014 24:00", "1/1/2014 13:00:00 PM",
                "1/1/2014 0:00:00 AM", "1/1/2014 10:7", "1/1/2014 10:07 XM", "yesterday", "1/1/20140", ""}) {
            assertThat(Imports.monthFirst(s)).as(s).isNull();
        }
    }
}
