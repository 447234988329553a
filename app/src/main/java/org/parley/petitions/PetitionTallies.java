package org.parley.petitions;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On a schedule, every open petition whose signatures changed gets a tally on the public record; expired petitions close. */
@Component
class PetitionTallies {

    private final Petitions petitions;

    PetitionTallies(Petitions petitions) {
        this.petitions = petitions;
    }

    @Scheduled(fixedDelayString = "${parley.petitions.tally-interval:PT1H}", initialDelayString = "${parley.petitions.tally-interval:PT1H}")
    void tick() {
        petitions.tallyOpenPetitions();
    }
}
