package org.parley.petitions;

import java.util.List;

import org.parley.platform.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderators' alerts on trending sources, as JSON. */
@RestController
class PetitionAlertsApi {

    private final PetitionAlerts alerts;

    PetitionAlertsApi(PetitionAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/processes/{processId}/petition-alerts")
    List<Alert> open(@PathVariable long processId, @RequestParam(required = false) Long petitionId) {
        return alerts.open(processId, petitionId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/petition-alerts/{alertId}/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable long processId, @PathVariable long alertId) {
        alerts.acknowledge(processId, alertId, Viewer.current());
        return ResponseEntity.noContent().build();
    }
}
