package org.parley.petitions;

import org.parley.platform.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A petition's signatures by place, for its map (and anyone else's). */
@RestController
class PetitionMapApi {

    private final Petitions petitions;
    private final PetitionRegions regions;

    PetitionMapApi(Petitions petitions, PetitionRegions regions) {
        this.petitions = petitions;
        this.regions = regions;
    }

    @GetMapping("/api/v1/processes/{processId}/petitions/{petitionId}/regions")
    RegionMap regions(@PathVariable long processId, @PathVariable long petitionId) {
        return regions.map(petitions.get(processId, petitionId, Viewer.current()).byRegion());
    }
}
