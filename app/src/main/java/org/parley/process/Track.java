package org.parley.process;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A channel of the dialogue (military de-escalation, humanitarian, economic, security) and the parties at its table. */
public record Track(long id, long processId, String name, String description, Long chairAccountId, String chairName,
                    List<Long> partyIds) {

    @JsonProperty
    public TrackFormat format() {
        return TrackFormat.of(partyIds.size());
    }
}
