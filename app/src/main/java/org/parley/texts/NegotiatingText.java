package org.parley.texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A negotiating text as the viewer may see it. When {@code contentVisible} is false (a confidential adopted
 * text seen by someone outside the table) the title, preamble and articles are withheld and only the hash is given.
 */
public record NegotiatingText(long id, long processId, long trackId, String title, String preamble, TextVisibility visibility,
                              TextStatus status, int version, Instant adoptedAt, String adoptedSha256, LocalDate entryIntoForce,
                              List<Long> signatoryIds, List<Article> articles, List<Signature> signatures, boolean contentVisible) {

    public List<Clause> clauses() {
        return articles.stream().flatMap(a -> a.clauses().stream()).toList();
    }

    public boolean adopted() {
        return status == TextStatus.ADOPTED;
    }

    public boolean bracketed() {
        return clauses().stream().anyMatch(Clause::bracketed);
    }
}
