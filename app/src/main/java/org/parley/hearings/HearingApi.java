package org.parley.hearings;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.parley.petitions.CitizenPasses;
import org.parley.petitions.Participant;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hearings as JSON. Citizens act with their pass in the X-Citizen-Pass header; accounts with their bearer token. */
@RestController
class HearingApi {

    record Cancellation(@Size(max = 2000) String reason) {
    }

    private final Hearings hearings;
    private final CitizenPasses passes;

    HearingApi(Hearings hearings, CitizenPasses passes) {
        this.hearings = hearings;
        this.passes = passes;
    }

    private Participant who(long processId, String pass) {
        return passes.participant(processId, Viewer.current(), pass);
    }

    @GetMapping("/api/v1/processes/{processId}/hearings")
    List<Hearing> list(@PathVariable long processId, @RequestParam(required = false) Long petitionId) {
        return petitionId == null ? hearings.list(processId) : hearings.ofPetition(processId, petitionId);
    }

    @PostMapping("/api/v1/processes/{processId}/hearings")
    ResponseEntity<Hearing> schedule(@PathVariable long processId, @Valid @RequestBody NewHearing h) {
        Hearing created = hearings.schedule(processId, h, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/hearings/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/processes/{processId}/hearings/{hearingId}")
    Hearing get(@PathVariable long processId, @PathVariable long hearingId) {
        return hearings.get(processId, hearingId);
    }

    @PostMapping("/api/v1/processes/{processId}/hearings/{hearingId}/cancel")
    Hearing cancel(@PathVariable long processId, @PathVariable long hearingId, @Valid @RequestBody Cancellation c) {
        return hearings.cancel(processId, hearingId, c.reason(), Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/hearings/{hearingId}/minutes")
    Hearing minutes(@PathVariable long processId, @PathVariable long hearingId, @Valid @RequestBody Minutes m) {
        return hearings.recordMinutes(processId, hearingId, m, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/hearings/{hearingId}/registrations")
    List<Registration> registrations(@PathVariable long processId, @PathVariable long hearingId) {
        return hearings.registrations(processId, hearingId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/hearings/{hearingId}/registrations")
    ResponseEntity<Registration> register(@PathVariable long processId, @PathVariable long hearingId,
                                          @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        return ResponseEntity.status(HttpStatus.CREATED).body(hearings.register(processId, hearingId, who(processId, pass)));
    }

    @GetMapping("/api/v1/processes/{processId}/hearings/{hearingId}/registrations/mine")
    Registration mine(@PathVariable long processId, @PathVariable long hearingId,
                      @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        hearings.get(processId, hearingId);
        return hearings.mine(hearingId, who(processId, pass)).orElseThrow(() -> new NotFoundException("registration", "mine"));
    }

    @PostMapping("/api/v1/processes/{processId}/hearings/{hearingId}/registrations/cancel")
    ResponseEntity<Void> unregister(@PathVariable long processId, @PathVariable long hearingId,
                                    @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        hearings.cancelRegistration(processId, hearingId, who(processId, pass));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/processes/{processId}/hearings/{hearingId}/submissions")
    List<Submission> submissions(@PathVariable long processId, @PathVariable long hearingId) {
        return hearings.submissions(processId, hearingId);
    }

    @PostMapping("/api/v1/processes/{processId}/hearings/{hearingId}/submissions")
    ResponseEntity<Submission> submit(@PathVariable long processId, @PathVariable long hearingId, @Valid @RequestBody NewSubmission s,
                                      @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        return ResponseEntity.status(HttpStatus.CREATED).body(hearings.submit(processId, hearingId, s, who(processId, pass)));
    }
}
