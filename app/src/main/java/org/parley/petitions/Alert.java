package org.parley.petitions;

import java.time.Instant;

/** An alert to moderators: a source that gave a petition unusually many signatures within its rate window. */
public record Alert(long id, long petitionId, String petitionTitle, Kind kind, String value, int signatures, int threshold,
                    Instant raisedAt, Instant updatedAt) {

    public enum Kind { IP, SUBNET, DOMAIN }
}
