package org.parley.texts;

import java.time.LocalDate;

/** Adoption: optionally the date the text enters into force (deadlines count from it). */
public record Adoption(LocalDate entryIntoForce) {
}
