package org.parley.texts;

import java.util.List;
import java.util.Map;

/** The mediator's view: each clause against each signatory's current position. */
public record Matrix(List<Long> partyIds, List<Row> rows, boolean adoptable) {

    public record Row(long clauseId, int number, boolean bracketed, Map<Long, Position> positions) {
    }
}
