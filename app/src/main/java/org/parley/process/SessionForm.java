package org.parley.process;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The new-session form. Times come from datetime-local inputs and are read as UTC, which the form
 * says. The agenda is typed one item per line.
 */
public class SessionForm {

    static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

    @NotNull
    private Long trackId;
    @NotBlank
    @Size(max = 200)
    private String title;
    @NotNull
    @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"})
    private LocalDateTime startsAt;
    @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"})
    private LocalDateTime endsAt;
    @Size(max = 300)
    private String place;
    @Size(max = 500)
    @URL
    private String onlineUrl;
    @Size(max = 15000)
    private String agenda;
    @NotNull
    private Visibility minutesVisibility = Visibility.PUBLIC;

    List<String> agendaItems() {
        return agenda == null ? List.of() : Arrays.stream(agenda.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Each agenda line fits the record (at most 50 lines of 300 characters). */
    @AssertTrue(message = "{session.agenda.tooLong}")
    public boolean isAgendaFits() {
        List<String> items = agendaItems();
        return items.size() <= 50 && items.stream().allMatch(s -> s.length() <= 300);
    }

    NewSession command() {
        return new NewSession(trackId, title, startsAt == null ? null : startsAt.toInstant(ZoneOffset.UTC),
                endsAt == null ? null : endsAt.toInstant(ZoneOffset.UTC), blankToNull(place), blankToNull(onlineUrl),
                agendaItems(), minutesVisibility);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getTrackId() { return trackId; }
    public void setTrackId(Long trackId) { this.trackId = trackId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String agenda) { this.agenda = agenda; }
    public Visibility getMinutesVisibility() { return minutesVisibility; }
    public void setMinutesVisibility(Visibility minutesVisibility) { this.minutesVisibility = minutesVisibility; }
}
