package org.parley.commitments;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.parley.platform.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
class CommitmentsApi {

    private final Commitments commitments;
    private final Plan plan;
    private final DeadlineEvents events;

    CommitmentsApi(Commitments commitments, Plan plan, DeadlineEvents events) {
        this.commitments = commitments;
        this.plan = plan;
        this.events = events;
    }

    @GetMapping("/commitments")
    List<Commitment> list(@PathVariable long processId, @RequestParam(required = false) Theme theme,
                          @RequestParam(required = false) Long partyId, @RequestParam(required = false) Long textId,
                          @RequestParam(required = false) Boolean overdue) {
        return commitments.list(processId, Viewer.current()).stream()
                .filter(c -> theme == null || c.theme() == theme)
                .filter(c -> partyId == null || c.partyIds().contains(partyId))
                .filter(c -> textId == null || c.textId() == textId)
                .filter(c -> overdue == null || c.overdue() == overdue)
                .toList();
    }

    @PostMapping("/commitments")
    ResponseEntity<Commitment> create(@PathVariable long processId, @Valid @RequestBody NewCommitment command) {
        Commitment c = commitments.create(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/commitments/" + c.id())).body(c);
    }

    @GetMapping("/commitments/{commitmentId}")
    Commitment get(@PathVariable long processId, @PathVariable long commitmentId) {
        return commitments.get(processId, commitmentId, Viewer.current());
    }

    @PutMapping("/commitments/{commitmentId}")
    Commitment update(@PathVariable long processId, @PathVariable long commitmentId, @Valid @RequestBody NewCommitment command) {
        return commitments.update(processId, commitmentId, command, Viewer.current());
    }

    @GetMapping("/commitments/{commitmentId}/history")
    List<LevelChange> history(@PathVariable long processId, @PathVariable long commitmentId) {
        return commitments.history(processId, commitmentId, Viewer.current());
    }

    @GetMapping("/commitments/{commitmentId}/measurements")
    List<Indicator.Measurement> measurements(@PathVariable long processId, @PathVariable long commitmentId) {
        return commitments.measurements(processId, commitmentId, Viewer.current());
    }

    @PostMapping("/commitments/{commitmentId}/reports")
    Commitment report(@PathVariable long processId, @PathVariable long commitmentId, @Valid @RequestBody LevelInput input) {
        return commitments.report(processId, commitmentId, input, Viewer.current());
    }

    @PostMapping("/commitments/{commitmentId}/verifications")
    Commitment verify(@PathVariable long processId, @PathVariable long commitmentId, @Valid @RequestBody LevelInput input) {
        return commitments.verify(processId, commitmentId, input, Viewer.current());
    }

    @GetMapping("/commitment-rollups")
    Rollup rollup(@PathVariable long processId, @RequestParam(defaultValue = "THEME") Commitments.By by) {
        return commitments.rollup(processId, by, Viewer.current());
    }

    @GetMapping("/commitment-rollups.csv")
    ResponseEntity<String> rollupCsv(@PathVariable long processId, @RequestParam(defaultValue = "THEME") Commitments.By by) {
        return csv("commitments-by-" + by.name().toLowerCase() + ".csv", Csv.rollup(commitments.rollup(processId, by, Viewer.current())));
    }

    @GetMapping("/commitment-barometer")
    Barometer barometer(@PathVariable long processId, @RequestParam(required = false) Theme theme,
                        @RequestParam(required = false) Long textId, @RequestParam(required = false) Long partyId) {
        return commitments.barometer(processId, theme, textId, partyId, Viewer.current());
    }

    @GetMapping("/commitment-barometer.csv")
    ResponseEntity<String> barometerCsv(@PathVariable long processId, @RequestParam(required = false) Theme theme,
                                        @RequestParam(required = false) Long textId, @RequestParam(required = false) Long partyId) {
        return csv("barometer.csv", Csv.barometer(commitments.barometer(processId, theme, textId, partyId, Viewer.current())));
    }

    @GetMapping("/plan")
    Map<PlanKind, List<PlanItem>> plan(@PathVariable long processId) {
        return plan.tables(processId, Viewer.current());
    }

    @PostMapping("/plan")
    ResponseEntity<PlanItem> addPlanItem(@PathVariable long processId, @Valid @RequestBody PlanItem.Input input) {
        PlanItem item = plan.add(processId, input, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/plan/" + item.id())).body(item);
    }

    @GetMapping("/plan/{itemId}")
    PlanItem planItem(@PathVariable long processId, @PathVariable long itemId) {
        return plan.get(processId, itemId, Viewer.current());
    }

    @PutMapping("/plan/{itemId}")
    PlanItem updatePlanItem(@PathVariable long processId, @PathVariable long itemId, @Valid @RequestBody PlanItem.Input input) {
        return plan.update(processId, itemId, input, Viewer.current());
    }

    @DeleteMapping("/plan/{itemId}")
    ResponseEntity<Void> deletePlanItem(@PathVariable long processId, @PathVariable long itemId) {
        plan.delete(processId, itemId, Viewer.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deadline-events")
    List<DeadlineEvent> events(@PathVariable long processId) {
        return events.list(processId);
    }

    @PostMapping("/deadline-events")
    ResponseEntity<DeadlineEvent> defineEvent(@PathVariable long processId, @Valid @RequestBody DeadlineEvent.Input input) {
        DeadlineEvent e = events.define(processId, input, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/deadline-events/" + e.id())).body(e);
    }

    @GetMapping("/deadline-events/{eventId}")
    DeadlineEvent event(@PathVariable long processId, @PathVariable long eventId) {
        return events.get(processId, eventId);
    }

    @PostMapping("/deadline-events/{eventId}/occurrence")
    DeadlineEvent occurred(@PathVariable long processId, @PathVariable long eventId, @Valid @RequestBody DeadlineEvent.Occurrence occurrence) {
        return events.occurred(processId, eventId, occurrence, Viewer.current());
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
