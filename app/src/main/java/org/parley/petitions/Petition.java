package org.parley.petitions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A petition as the public sees it: the creator's email never appears here. {@code signatures} counts
 * confirmed signatures that are neither withdrawn nor invalidated; {@code byRegion} splits that count.
 */
public record Petition(long id, long processId, String title, String body, String language, boolean toMediator,
                       List<Long> partyIds, String creatorName, PetitionStatus status, Instant createdAt, Instant moderatedAt,
                       String rejectionReason, Instant closesAt, int signatures, Instant responseDueAt, Instant hearingDueSince,
                       List<Response> responses, Map<String, Integer> byRegion) {

    /** A response due from one addressee (a party, or the mediator when {@code partyId} is null). */
    public record Response(Long partyId, Instant dueAt, String body, Instant respondedAt, boolean overdue) {
    }

    public boolean anyOverdue() {
        return responses.stream().anyMatch(Response::overdue);
    }
}
