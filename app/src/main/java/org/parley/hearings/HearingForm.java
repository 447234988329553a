package org.parley.hearings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The mediator's form for a new hearing; the start is a local date and time read as UTC, as everywhere in Parley. */
public class HearingForm {

    @NotBlank @Size(max = 200) private String title;
    @NotBlank @Size(max = 10_000) private String agenda;
    @NotBlank private String startsAt;
    @Size(max = 300) private String place;
    @Size(max = 500) private String onlineUrl;
    private Long partyId;
    @NotNull @Min(1) @Max(100_000) private Integer capacity = 50;
    private boolean waitingList = true;
    private Long consultationId;
    private List<Long> petitionIds = new ArrayList<>();

    /** The start as an instant, or null when the field does not hold a date and time. */
    Instant start() {
        try {
            return startsAt == null ? null : LocalDateTime.parse(startsAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    NewHearing command() {
        return new NewHearing(title, agenda, start(), place, onlineUrl, partyId, capacity, waitingList, consultationId,
                petitionIds == null ? List.of() : petitionIds);
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String v) { agenda = v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { startsAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String v) { onlineUrl = v; }
    public Long getPartyId() { return partyId; }
    public void setPartyId(Long v) { partyId = v; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer v) { capacity = v; }
    public boolean isWaitingList() { return waitingList; }
    public void setWaitingList(boolean v) { waitingList = v; }
    public Long getConsultationId() { return consultationId; }
    public void setConsultationId(Long v) { consultationId = v; }
    public List<Long> getPetitionIds() { return petitionIds; }
    public void setPetitionIds(List<Long> v) { petitionIds = v; }
}
