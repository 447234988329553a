package org.parley.commitments;

import java.time.LocalDate;
import java.util.List;

/** The average reported and verified levels over time (an unverified commitment counts 0 in the verified line). */
public record Barometer(List<Point> points) {

    public record Point(LocalDate date, int commitments, double reported, double verified) {
    }
}
