package org.parley.process;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new-track form: the parties at its table are ticked. */
public class TrackForm {

    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 10000)
    private String description;
    private Long chairAccountId;
    @NotNull
    @Size(min = 2, max = 100, message = "{track.parties.size}")
    private List<Long> partyIds = new ArrayList<>();

    NewTrack command() {
        return new NewTrack(name, description, chairAccountId, partyIds);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getChairAccountId() { return chairAccountId; }
    public void setChairAccountId(Long chairAccountId) { this.chairAccountId = chairAccountId; }
    public List<Long> getPartyIds() { return partyIds; }
    public void setPartyIds(List<Long> partyIds) { this.partyIds = partyIds == null ? new ArrayList<>() : partyIds; }
}
