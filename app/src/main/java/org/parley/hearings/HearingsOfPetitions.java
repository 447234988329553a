package org.parley.hearings;

import java.util.List;

import org.parley.petitions.PetitionHearings;
import org.springframework.stereotype.Component;

/** Tells the petitions' pages which hearings take up a petition. */
@Component
class HearingsOfPetitions implements PetitionHearings {

    private final Hearings hearings;

    HearingsOfPetitions(Hearings hearings) {
        this.hearings = hearings;
    }

    @Override
    public List<LinkedHearing> ofPetition(long processId, long petitionId) {
        return hearings.ofPetition(processId, petitionId).stream()
                .map(h -> new LinkedHearing(h.id(), h.title(), h.startsAt(), h.status().name())).toList();
    }
}
