package org.parley.hearings;

import java.time.Instant;
import java.util.List;

/**
 * A public hearing. {@code partyId} is the party addressed (null: the mediator). {@code registered} and
 * {@code waiting} count seats taken and places on the waiting list; names and emails are not public.
 */
public record Hearing(long id, long processId, String title, String agenda, Instant startsAt, String place, String onlineUrl,
                      Long partyId, int capacity, boolean waitingList, Long consultationId, List<Long> petitionIds,
                      HearingStatus status, String minutes, String outcome, Instant heldAt, String cancelReason,
                      int registered, int waiting, int submissions, Instant createdAt) {

    /** Whether citizens may still register and send submissions: scheduled and not yet started. */
    public boolean open(Instant now) {
        return status == HearingStatus.SCHEDULED && now.isBefore(startsAt);
    }
}
