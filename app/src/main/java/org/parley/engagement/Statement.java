package org.parley.engagement;

import java.time.Instant;
import java.util.Map;

/** A statement of at most 280 characters, in its author's language, with moderators' translations. */
public record Statement(long id, long consultationId, String text, String language, Map<String, String> translations,
                        boolean seed, Status status, String rejectReason, Instant createdAt) {

    public static final int MAX_LENGTH = 280;

    public enum Status { PENDING, ACCEPTED, REJECTED }

    /** The text in the given language when a translation exists, else the original. */
    public String textIn(String lang) {
        String t = translations == null ? null : translations.get(lang);
        return t == null || t.isBlank() ? text : t;
    }
}
