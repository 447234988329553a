package org.parley.texts;

import java.util.List;

/** An article of a text: its number, heading and clauses. */
public record Article(long id, int number, String heading, List<Clause> clauses) {
}
