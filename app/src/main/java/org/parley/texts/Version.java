package org.parley.texts;

import java.time.Instant;

/** A saved version of a text: its number, author and reason. */
public record Version(int number, String author, String reason, Instant at) {
}
