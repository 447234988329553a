package org.parley.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The session-outcome form: one attendance row per party at the track's table (ticked if present),
 * the outcome and minutes, who may read them, and follow-up actions (blank rows are ignored).
 */
public class OutcomeForm {

    static final int BLANK_ACTION_ROWS = 3;

    private List<@Valid AttendanceRow> attendance = new ArrayList<>();
    @Size(max = 20000)
    private String outcome;
    @Size(max = 100000)
    private String minutes;
    @NotNull
    private Visibility minutesVisibility;
    @Size(max = 100)
    private List<@Valid ActionRow> actions = new ArrayList<>();

    static OutcomeForm of(Session session, Track track) {
        OutcomeForm f = new OutcomeForm();
        for (Long partyId : track.partyIds()) {
            AttendanceRow row = new AttendanceRow();
            row.partyId = partyId;
            session.attendance().stream().filter(a -> a.partyId() == partyId).findFirst().ifPresent(a -> {
                row.present = true;
                row.delegates = a.delegates();
            });
            f.attendance.add(row);
        }
        f.outcome = session.outcome();
        f.minutes = session.minutes();
        f.minutesVisibility = session.minutesVisibility();
        for (Session.Action a : session.actions()) {
            ActionRow row = new ActionRow();
            row.description = a.description();
            row.responsiblePartyId = a.responsiblePartyId();
            row.dueDate = a.dueDate();
            f.actions.add(row);
        }
        f.padActions();
        return f;
    }

    /** Leaves a few empty rows to type new actions into. */
    void padActions() {
        long blank = actions.stream().filter(ActionRow::isBlank).count();
        for (long i = blank; i < BLANK_ACTION_ROWS; i++) {
            actions.add(new ActionRow());
        }
    }

    SessionOutcome command() {
        List<SessionOutcome.AttendanceLine> present = attendance.stream().filter(a -> a.present && a.partyId != null)
                .map(a -> new SessionOutcome.AttendanceLine(a.partyId, a.delegates == null ? "" : a.delegates.strip())).toList();
        List<SessionOutcome.ActionLine> lines = actions.stream().filter(a -> !a.isBlank())
                .map(a -> new SessionOutcome.ActionLine(a.description == null ? "" : a.description.strip(), a.responsiblePartyId, a.dueDate))
                .toList();
        return new SessionOutcome(present, outcome, minutes, minutesVisibility, lines);
    }

    public static class AttendanceRow {
        private Long partyId;
        private boolean present;
        @Size(max = 1000)
        private String delegates;

        public Long getPartyId() { return partyId; }
        public void setPartyId(Long partyId) { this.partyId = partyId; }
        public boolean isPresent() { return present; }
        public void setPresent(boolean present) { this.present = present; }
        public String getDelegates() { return delegates; }
        public void setDelegates(String delegates) { this.delegates = delegates; }
    }

    public static class ActionRow {
        @Size(max = 1000)
        private String description;
        private Long responsiblePartyId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        /** A row with nothing typed in it; a row with only a party or date but no description is not blank. */
        public boolean isBlank() {
            return (description == null || description.isBlank()) && responsiblePartyId == null && dueDate == null;
        }

        /** A row that says who or when but not what. */
        @jakarta.validation.constraints.AssertTrue(message = "{session.action.description.required}")
        public boolean isDescribed() {
            return isBlank() || (description != null && !description.isBlank());
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public Long getResponsiblePartyId() { return responsiblePartyId; }
        public void setResponsiblePartyId(Long responsiblePartyId) { this.responsiblePartyId = responsiblePartyId; }
        public LocalDate getDueDate() { return dueDate; }
        public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    }

    public List<AttendanceRow> getAttendance() { return attendance; }
    public void setAttendance(List<AttendanceRow> attendance) { this.attendance = attendance; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public Visibility getMinutesVisibility() { return minutesVisibility; }
    public void setMinutesVisibility(Visibility minutesVisibility) { this.minutesVisibility = minutesVisibility; }
    public List<ActionRow> getActions() { return actions; }
    public void setActions(List<ActionRow> actions) { this.actions = actions; }
}
