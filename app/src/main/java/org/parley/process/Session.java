package org.parley.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting of a track. Everyone may see that it takes place and its agenda; the outcome, minutes and
 * follow-up actions only if {@link #minutesVisible()} (decided per viewer from {@code minutesVisibility}).
 */
public record Session(long id, long processId, long trackId, String title, Instant startsAt, Instant endsAt,
                      String place, String onlineUrl, List<String> agenda, List<Attendance> attendance,
                      Visibility minutesVisibility, boolean minutesVisible, String outcome, String minutes,
                      List<Action> actions) {

    public record Attendance(long partyId, String delegates) {
    }

    public record Action(String description, Long responsiblePartyId, LocalDate dueDate) {
    }
}
