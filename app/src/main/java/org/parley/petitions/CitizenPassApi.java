package org.parley.petitions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Citizen passes as JSON: ask for a link, confirm it for a pass (sent back in the X-Citizen-Pass header later), end it. */
@RestController
class CitizenPassApi {

    record PassRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 254) String email) {
    }

    record LinkToken(@NotBlank @Size(max = 100) String token) {
    }

    record PassIssued(String pass, long processId, String name, java.time.Instant expiresAt) {
    }

    private final CitizenPasses passes;

    CitizenPassApi(CitizenPasses passes) {
        this.passes = passes;
    }

    @PostMapping("/api/v1/processes/{processId}/citizen-passes")
    ResponseEntity<Void> request(@PathVariable long processId, @Valid @RequestBody PassRequest r, HttpServletRequest request) {
        passes.request(processId, r.name(), r.email(), null, request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/citizen-passes/confirm")
    ResponseEntity<PassIssued> confirm(@Valid @RequestBody LinkToken t) {
        CitizenPasses.Issued i = passes.confirm(t.token());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PassIssued(i.pass(), i.citizen().processId(), i.citizen().name(), i.expiresAt()));
    }

    @PostMapping("/api/v1/citizen-passes/revoke")
    ResponseEntity<Void> revoke(@RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        passes.revoke(pass);
        return ResponseEntity.noContent().build();
    }
}
