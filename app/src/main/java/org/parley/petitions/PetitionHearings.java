package org.parley.petitions;

import java.time.Instant;
import java.util.List;

/**
 * The hearings that take up a petition, for the petition's page: a port the hearings feature implements
 * (petitions does not depend on hearings; hearings depends on petitions to check what it links).
 */
public interface PetitionHearings {

    record LinkedHearing(long id, String title, Instant startsAt, String status) {
    }

    List<LinkedHearing> ofPetition(long processId, long petitionId);
}
