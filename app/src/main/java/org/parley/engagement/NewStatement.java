package org.parley.engagement;

/** A statement a participant writes: its text and language (one of the consultation's). */
public record NewStatement(String text, String language) {
}
