package org.parley.process;

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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/processes")
class ProcessApi {

    private final Processes processes;

    ProcessApi(Processes processes) {
        this.processes = processes;
    }

    @GetMapping
    List<Process> list() {
        return processes.all();
    }

    @PostMapping
    ResponseEntity<Process> create(@Valid @RequestBody NewProcess command) {
        Process p = processes.create(command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + p.id())).body(p);
    }

    @GetMapping("/{processId}")
    Process get(@PathVariable long processId) {
        return processes.get(processId);
    }

    @PutMapping("/{processId}")
    Process update(@PathVariable long processId, @Valid @RequestBody NewProcess command) {
        return processes.update(processId, command, Viewer.current());
    }

    @GetMapping("/{processId}/parties")
    List<Party> parties(@PathVariable long processId) {
        return processes.parties(processId);
    }

    @PostMapping("/{processId}/parties")
    ResponseEntity<Party> addParty(@PathVariable long processId, @Valid @RequestBody NewParty command) {
        Party p = processes.addParty(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/parties/" + p.id())).body(p);
    }

    @GetMapping("/{processId}/parties/{partyId}")
    Party party(@PathVariable long processId, @PathVariable long partyId) {
        return processes.party(processId, partyId);
    }

    @GetMapping("/{processId}/tracks")
    List<Track> tracks(@PathVariable long processId) {
        return processes.tracks(processId);
    }

    @PostMapping("/{processId}/tracks")
    ResponseEntity<Track> addTrack(@PathVariable long processId, @Valid @RequestBody NewTrack command) {
        Track t = processes.addTrack(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/tracks/" + t.id())).body(t);
    }

    @GetMapping("/{processId}/tracks/{trackId}")
    Track track(@PathVariable long processId, @PathVariable long trackId) {
        return processes.track(processId, trackId);
    }

    @GetMapping("/{processId}/sessions")
    List<Session> sessions(@PathVariable long processId) {
        return processes.sessions(processId, Viewer.current());
    }

    @PostMapping("/{processId}/sessions")
    ResponseEntity<Session> addSession(@PathVariable long processId, @Valid @RequestBody NewSession command) {
        Session s = processes.addSession(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/sessions/" + s.id())).body(s);
    }

    @GetMapping("/{processId}/sessions/{sessionId}")
    Session session(@PathVariable long processId, @PathVariable long sessionId) {
        return processes.session(processId, sessionId, Viewer.current());
    }

    @PutMapping("/{processId}/sessions/{sessionId}/outcome")
    Session recordOutcome(@PathVariable long processId, @PathVariable long sessionId, @Valid @RequestBody SessionOutcome outcome) {
        return processes.recordOutcome(processId, sessionId, outcome, Viewer.current());
    }
}
