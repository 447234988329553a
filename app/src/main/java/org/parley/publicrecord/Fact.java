package org.parley.publicrecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A fact a party could later dispute, as it goes on the public record: its type (e.g.
 * {@code milestone.status_changed}), the process, the subject ({@code milestone/12}), when, the role
 * of who did it, and public data only. Confidential content never goes in; a hash of it may.
 */
public record Fact(String type, Long processId, String subject, Instant time, String actorRole, Map<String, ?> data) {

    public Fact {
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Fact of(String type, Long processId, String subject, Instant time, String actorRole, Map<String, ?> data) {
        return new Fact(type, processId, subject, time, actorRole, data);
    }
}
