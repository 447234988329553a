package org.parley.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Compliance with one ceasefire, per party per day: verified violations attributed to the party. The row
 * with no party counts verified violations whose attribution is not verified.
 */
public record Compliance(Ceasefire ceasefire, List<LocalDate> days, List<Row> rows) {

    public record Row(Long partyId, String partyName, List<Integer> perDay, int total, int compliantDays) {
    }
}
