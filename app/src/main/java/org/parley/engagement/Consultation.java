package org.parley.engagement;

import java.time.Instant;
import java.util.List;

/**
 * A public consultation of a process: a question put to the public, open between two times.
 * {@code closedMode} is true when not everyone may take part; {@code access} says who may.
 */
public record Consultation(long id, long processId, String question, String context, List<String> languages,
                           Instant opensAt, Instant closesAt, Moderation moderation, boolean closedMode, Instant closedAt,
                           Access access) {

    public enum Phase { UPCOMING, OPEN, CLOSED }

    public Phase phase(Instant now) {
        return phase(opensAt, closesAt, closedAt, now);
    }

    static Phase phase(Instant opensAt, Instant closesAt, Instant closedAt, Instant now) {
        if (closedAt != null || !now.isBefore(closesAt)) {
            return Phase.CLOSED;
        }
        return now.isBefore(opensAt) ? Phase.UPCOMING : Phase.OPEN;
    }

    /** When statements are moderated: before they are shown, or after (shown at once, removable). */
    public enum Moderation { BEFORE, AFTER }

    /**
     * Who may take part: anyone under a pseudonymous id, holders of an invitation code (e.g. a citizens'
     * panel), or people who proved an e-mail address by a mailed link (one participant per address).
     */
    public enum Access { OPEN, INVITATION, EMAIL }
}
