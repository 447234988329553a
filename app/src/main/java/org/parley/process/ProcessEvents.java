package org.parley.process;

import java.time.Instant;

/** Facts of the dialogue that other features (the public record first) react to, inside the same transaction. */
public final class ProcessEvents {

    private ProcessEvents() {
    }

    public record ProcessCreated(long processId, String name, java.time.LocalDate startDate, Instant at) {
    }

    public record PartyAdded(long processId, long partyId, String shortName, PartyKind kind, PartyRole role, Instant at) {
    }

    public record TrackCreated(long processId, long trackId, String name, java.util.List<Long> partyIds, Instant at) {
    }

    /** Published for every recorded outcome; {@code visibility} tells whether it may go on the public record. */
    public record SessionOutcomeRecorded(long processId, long trackId, long sessionId, String title, Visibility visibility,
                                         String outcome, Instant at) {
    }
}
