package org.parley.petitions;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.platform.PublicWrite;
import org.parley.platform.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Petitions as JSON: what the pages do, for machines. */
@RestController
class PetitionApi {

    record TokenInput(@NotBlank @Size(max = 100) String token) {
    }

    record Created(long id, String status) {
    }

    record Confirmed(boolean counted) {
    }

    record Invalidated(int affected) {
    }

    private final Petitions petitions;
    private final MessageSource messages;

    PetitionApi(Petitions petitions, MessageSource messages) {
        this.petitions = petitions;
        this.messages = messages;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(e.getMessage(), null, e.getMessage(), LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(p);
    }

    @GetMapping("/api/v1/processes/{processId}/petitions")
    List<Petition> list(@PathVariable long processId) {
        return petitions.list(processId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/petitions")
    ResponseEntity<Created> create(@PathVariable long processId, @Valid @RequestBody NewPetition p, HttpServletRequest request) {
        long id = petitions.create(processId, p, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/petitions/" + id))
                .body(new Created(id, PetitionStatus.UNCONFIRMED.name()));
    }

    @GetMapping("/api/v1/processes/{processId}/petitions/{petitionId}")
    Petition get(@PathVariable long processId, @PathVariable long petitionId) {
        return petitions.get(processId, petitionId, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/petitions/{petitionId}/tallies")
    List<Tally> tallies(@PathVariable long processId, @PathVariable long petitionId) {
        return petitions.tallies(processId, petitionId);
    }

    @PublicWrite
    @PostMapping("/api/v1/processes/{processId}/petitions/{petitionId}/signatures")
    ResponseEntity<Void> sign(@PathVariable long processId, @PathVariable long petitionId, @Valid @RequestBody NewSignature s,
                              HttpServletRequest request) {
        petitions.sign(processId, petitionId, s, request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/processes/{processId}/petitions/{petitionId}/moderation")
    Petition moderate(@PathVariable long processId, @PathVariable long petitionId, @Valid @RequestBody Moderation m) {
        return petitions.moderate(processId, petitionId, m, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/petitions/{petitionId}/responses")
    Petition respond(@PathVariable long processId, @PathVariable long petitionId, @Valid @RequestBody NewResponse r) {
        return petitions.respond(processId, petitionId, r, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/petitions/{petitionId}/invalidations")
    Invalidated invalidate(@PathVariable long processId, @PathVariable long petitionId, @Valid @RequestBody Invalidation inv) {
        return new Invalidated(petitions.invalidate(processId, petitionId, inv, Viewer.current()));
    }

    @GetMapping("/api/v1/processes/{processId}/petitions/{petitionId}/invalidations")
    List<Invalidation.Done> invalidations(@PathVariable long processId, @PathVariable long petitionId) {
        return petitions.invalidations(processId, petitionId, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/petitions/{petitionId}/trending")
    Map<String, Map<String, Integer>> trending(@PathVariable long processId, @PathVariable long petitionId) {
        return petitions.trending(processId, petitionId, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/petition-settings")
    PetitionSettings settings(@PathVariable long processId) {
        return petitions.settings(processId);
    }

    @PutMapping("/api/v1/processes/{processId}/petition-settings")
    PetitionSettings updateSettings(@PathVariable long processId, @Valid @RequestBody PetitionSettings s) {
        return petitions.updateSettings(processId, s, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/petition-blocks")
    List<Block> blocks(@PathVariable long processId) {
        return petitions.blocks(processId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/petition-blocks")
    ResponseEntity<Block> block(@PathVariable long processId, @Valid @RequestBody Block b) {
        return ResponseEntity.status(HttpStatus.CREATED).body(petitions.block(processId, b, Viewer.current()));
    }

    @GetMapping("/api/v1/processes/{processId}/petition-outbox")
    List<Mail> outbox(@PathVariable long processId) {
        return petitions.outbox(processId, Viewer.current());
    }

    @PostMapping("/api/v1/petitions/creations/confirm")
    Petition confirmCreation(@Valid @RequestBody TokenInput t) {
        return petitions.confirmCreation(t.token());
    }

    @PublicWrite
    @PostMapping("/api/v1/petitions/signatures/confirm")
    Confirmed confirmSignature(@Valid @RequestBody TokenInput t) {
        return new Confirmed(petitions.confirmSignature(t.token()));
    }

    @PostMapping("/api/v1/petitions/signatures/withdraw")
    ResponseEntity<Void> withdraw(@Valid @RequestBody TokenInput t) {
        petitions.withdraw(t.token());
        return ResponseEntity.noContent().build();
    }
}
