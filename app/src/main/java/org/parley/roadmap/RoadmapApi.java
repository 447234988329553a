package org.parley.roadmap;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.parley.platform.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/processes/{processId}")
class RoadmapApi {

    private final Roadmap roadmap;

    RoadmapApi(Roadmap roadmap) {
        this.roadmap = roadmap;
    }

    @GetMapping("/milestones")
    List<Milestone> milestones(@PathVariable long processId, @RequestParam(required = false) Long trackId,
                               @RequestParam(required = false) Long partyId) {
        return roadmap.milestones(processId).stream()
                .filter(m -> trackId == null || trackId.equals(m.trackId()))
                .filter(m -> partyId == null || m.partyIds().contains(partyId))
                .toList();
    }

    @PostMapping("/milestones")
    ResponseEntity<Milestone> create(@PathVariable long processId, @Valid @RequestBody NewMilestone command) {
        Milestone m = roadmap.create(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/milestones/" + m.id())).body(m);
    }

    @GetMapping("/milestones/{milestoneId}")
    Milestone milestone(@PathVariable long processId, @PathVariable long milestoneId) {
        return roadmap.milestone(processId, milestoneId);
    }

    @PutMapping("/milestones/{milestoneId}")
    Milestone update(@PathVariable long processId, @PathVariable long milestoneId, @Valid @RequestBody NewMilestone command) {
        return roadmap.update(processId, milestoneId, command, Viewer.current());
    }

    @PostMapping("/milestones/{milestoneId}/status")
    Milestone changeStatus(@PathVariable long processId, @PathVariable long milestoneId, @Valid @RequestBody StatusChange change) {
        return roadmap.changeStatus(processId, milestoneId, change, Viewer.current());
    }

    @GetMapping("/milestones/{milestoneId}/history")
    List<StatusHistoryEntry> history(@PathVariable long processId, @PathVariable long milestoneId) {
        return roadmap.history(processId, milestoneId);
    }
}
