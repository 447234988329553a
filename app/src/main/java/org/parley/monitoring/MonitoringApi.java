package org.parley.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

/** Monitoring over HTTP, as JSON (and CSV/GeoJSON for exports). Role and party checks are the service's. */
@RestController
@RequestMapping("/api/v1/processes/{processId}/monitoring")
class MonitoringApi {

    private final Monitoring monitoring;
    private final Categories categories;
    private final Observers observers;
    private final Imports imports;
    private final Exports exports;
    private final Withdrawals withdrawals;

    MonitoringApi(Monitoring monitoring, Categories categories, Observers observers, Imports imports, Exports exports, Withdrawals withdrawals) {
        this.monitoring = monitoring;
        this.categories = categories;
        this.observers = observers;
        this.imports = imports;
        this.exports = exports;
        this.withdrawals = withdrawals;
    }

    record Batch(List<NewReport> reports) {
    }

    record NewAttachment(String fileName, String contentType, String contentBase64) {
    }

    record Merge(Long otherEventId, String reason) {
    }

    record Split(List<Long> reportIds, String reason) {
    }

    record Regroup(String reason) {
    }

    record EventDetail(Event event, List<EventStep> history, List<Ceasefire> violations, List<Report> reports) {
    }

    // --- reports

    @PostMapping("/reports")
    ResponseEntity<Report> submit(@PathVariable long processId, @RequestBody NewReport report) {
        Monitoring.Submitted s = monitoring.submit(processId, report, Viewer.current());
        URI location = URI.create("/api/v1/processes/" + processId + "/monitoring/reports/" + s.report().id());
        return s.created() ? ResponseEntity.created(location).body(s.report()) : ResponseEntity.ok().location(location).body(s.report());
    }

    @PostMapping("/reports/batch")
    List<BatchItem> batch(@PathVariable long processId, @RequestBody Batch batch) {
        return monitoring.submitBatch(processId, batch.reports(), Viewer.current());
    }

    @GetMapping("/reports")
    List<Report> reports(@PathVariable long processId, @RequestParam(defaultValue = "200") int limit) {
        return monitoring.reports(processId, limit, Viewer.current());
    }

    /** Reports from outside sources (UCDP, ACLED imports): for observers and mediators, apart from observers' reports and events. */
    @GetMapping("/outside-reports")
    List<OutsideReport> outsideReports(@PathVariable long processId, EventQuery q, @RequestParam(defaultValue = "1000") int limit) {
        return monitoring.outsideReports(processId, q.filter(categories, processId), limit, Viewer.current());
    }

    // --- categories

    @GetMapping("/categories")
    List<CategoryView> categories(@PathVariable long processId, Locale locale) {
        monitoring.requireProcess(processId);
        return categories.of(processId).stream().map(c -> CategoryView.of(c, categories.label(c, locale))).toList();
    }

    @PostMapping("/categories")
    ResponseEntity<CategoryView> addCategory(@PathVariable long processId, @RequestBody Categories.NewCategory category, Locale locale) {
        Category c = categories.add(processId, category, Viewer.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(CategoryView.of(c, categories.label(c, locale)));
    }

    // --- observers serving the process, and its settings

    @GetMapping("/observers")
    List<Observers.Member> observers(@PathVariable long processId) {
        return observers.of(processId, Viewer.current());
    }

    @PostMapping("/observers")
    ResponseEntity<Observers.Member> addObserver(@PathVariable long processId, @RequestBody Observers.NewMember member) {
        return ResponseEntity.status(HttpStatus.CREATED).body(observers.add(processId, member, Viewer.current()));
    }

    @DeleteMapping("/observers/{observerId}")
    ResponseEntity<Void> removeObserver(@PathVariable long processId, @PathVariable long observerId) {
        observers.remove(processId, observerId, Viewer.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    Monitoring.Settings settings(@PathVariable long processId) {
        monitoring.requireProcess(processId);
        return monitoring.settings(processId);
    }

    @PutMapping("/settings")
    Monitoring.Settings changeSettings(@PathVariable long processId, @RequestBody SettingsBody body) {
        return monitoring.changeSettings(processId, new Monitoring.Settings(body.groupKm() == null ? Double.NaN : body.groupKm(),
                body.groupMinutes() == null ? 0 : body.groupMinutes(), body.spikeFactor() == null ? Double.NaN : body.spikeFactor()), Viewer.current());
    }

    record SettingsBody(Double groupKm, Integer groupMinutes, Double spikeFactor) {
    }

    /** A category as the API shows it: its code, its name in the reader's language and its own names if it was added. */
    record CategoryView(String code, String name, String group, boolean kinetic, boolean builtin, String nameEn, String nameUk, String nameRu,
                        String acledEventType, String acledSubEventType) {
        static CategoryView of(Category c, String label) {
            return new CategoryView(c.name(), label, c.group(), c.kinetic(), c.builtin(), c.nameEn(), c.nameUk(), c.nameRu(), c.acledEventType(),
                    c.acledSubEventType());
        }
    }

    @GetMapping("/reports/{reportId}")
    Report report(@PathVariable long processId, @PathVariable long reportId) {
        return monitoring.report(processId, reportId, Viewer.current());
    }

    @PutMapping("/reports/{reportId}")
    Report update(@PathVariable long processId, @PathVariable long reportId, @RequestBody NewReport report) {
        return monitoring.updateReport(processId, reportId, report, Viewer.current());
    }

    @PostMapping("/reports/{reportId}/attachments")
    ResponseEntity<Report.Attachment> attach(@PathVariable long processId, @PathVariable long reportId, @RequestBody NewAttachment a) {
        byte[] content;
        try {
            content = a.contentBase64() == null ? null : Base64.getDecoder().decode(a.contentBase64());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("contentBase64", "monitoring.attachment.base64");
        }
        Report.Attachment saved = monitoring.attach(processId, reportId, a.fileName(), a.contentType(), content, Viewer.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping("/reports/{reportId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long processId, @PathVariable long reportId, @PathVariable long attachmentId) {
        return download(monitoring.attachment(processId, reportId, attachmentId, Viewer.current()));
    }

    /** Images, PDF and video as what they are; anything else as bytes; always as a download, sandboxed, so no upload runs as a page here. */
    static ResponseEntity<byte[]> download(Monitoring.File f) {
        String type = f.meta().contentType() == null ? "" : f.meta().contentType().toLowerCase(Locale.ROOT);
        MediaType media = type.matches("image/(png|jpeg|gif|webp)|application/pdf|video/mp4") ? MediaType.parseMediaType(type)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(media)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(f.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    // --- events

    @GetMapping("/events")
    List<Event> events(@PathVariable long processId, EventQuery q, @RequestParam(defaultValue = "1000") int limit) {
        return monitoring.events(processId, q.filter(categories, processId), limit, Viewer.current());
    }

    @GetMapping("/events/{eventId}")
    EventDetail event(@PathVariable long processId, @PathVariable long eventId) {
        Viewer v = Viewer.current();
        Event e = monitoring.event(processId, eventId, v);
        return new EventDetail(e, monitoring.history(processId, eventId, v), monitoring.violations(processId, eventId, v),
                monitoring.seesAll(processId, v) ? monitoring.reportsOf(processId, eventId, v) : List.of());
    }

    @PostMapping("/events/{eventId}/decision")
    Event decide(@PathVariable long processId, @PathVariable long eventId, @RequestBody Decision decision) {
        return monitoring.decide(processId, eventId, decision, Viewer.current());
    }

    @PostMapping("/events/{eventId}/merge")
    Event merge(@PathVariable long processId, @PathVariable long eventId, @RequestBody Merge merge) {
        if (merge.otherEventId() == null) {
            throw new InvalidInputException("otherEventId", "monitoring.merge.unknownEvent");
        }
        return monitoring.merge(processId, eventId, merge.otherEventId(), merge.reason(), Viewer.current());
    }

    @PostMapping("/events/{eventId}/split")
    ResponseEntity<Event> split(@PathVariable long processId, @PathVariable long eventId, @RequestBody Split split) {
        return ResponseEntity.status(HttpStatus.CREATED).body(monitoring.split(processId, eventId, split.reportIds(), split.reason(), Viewer.current()));
    }

    @PostMapping("/regroup")
    Monitoring.Regrouped regroup(@PathVariable long processId, @RequestBody Regroup body) {
        return monitoring.regroup(processId, body.reason(), Viewer.current());
    }

    @GetMapping("/dashboard")
    Dashboard dashboard(@PathVariable long processId, EventQuery q) {
        return monitoring.dashboard(processId, q.filter(categories, processId), Viewer.current());
    }

    // --- claims

    @PostMapping("/claims")
    ResponseEntity<Claim> fileClaim(@PathVariable long processId, @RequestBody NewClaim claim) {
        Claim c = monitoring.fileClaim(processId, claim, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/monitoring/claims/" + c.id())).body(c);
    }

    @GetMapping("/claims")
    List<Claim> claims(@PathVariable long processId) {
        return monitoring.claims(processId, Viewer.current());
    }

    @GetMapping("/claims/{claimId}")
    Claim claim(@PathVariable long processId, @PathVariable long claimId) {
        return monitoring.claim(processId, claimId, Viewer.current());
    }

    @PostMapping("/claims/{claimId}/decision")
    Claim decideClaim(@PathVariable long processId, @PathVariable long claimId, @RequestBody ClaimDecision decision) {
        return monitoring.decideClaim(processId, claimId, decision, Viewer.current());
    }

    // --- ceasefires

    @PostMapping("/ceasefires")
    ResponseEntity<Ceasefire> defineCeasefire(@PathVariable long processId, @RequestBody NewCeasefire ceasefire) {
        Ceasefire c = monitoring.defineCeasefire(processId, ceasefire, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/monitoring/ceasefires/" + c.id())).body(c);
    }

    @GetMapping("/ceasefires")
    List<Ceasefire> ceasefires(@PathVariable long processId) {
        return monitoring.ceasefires(processId);
    }

    @GetMapping("/ceasefires/{ceasefireId}/compliance")
    Compliance compliance(@PathVariable long processId, @PathVariable long ceasefireId, @RequestParam(defaultValue = "14") int days,
                          Locale locale) {
        return monitoring.compliance(processId, ceasefireId, days, locale);
    }

    // --- withdrawal verification

    @PostMapping("/withdrawal/sites")
    ResponseEntity<Withdrawals.Site> declareSite(@PathVariable long processId, @RequestBody Withdrawals.NewSite site) {
        return ResponseEntity.status(HttpStatus.CREATED).body(withdrawals.declareSite(processId, site, Viewer.current()));
    }

    @GetMapping("/withdrawal/sites")
    List<Withdrawals.Site> sites(@PathVariable long processId) {
        return withdrawals.sites(processId, Viewer.current());
    }

    @PostMapping("/withdrawal/zones")
    ResponseEntity<Withdrawals.Zone> defineZone(@PathVariable long processId, @RequestBody Withdrawals.NewZone zone) {
        return ResponseEntity.status(HttpStatus.CREATED).body(withdrawals.defineZone(processId, zone, Viewer.current()));
    }

    @GetMapping("/withdrawal/zones")
    List<Withdrawals.Zone> zones(@PathVariable long processId) {
        return withdrawals.zones(processId);
    }

    @PostMapping("/withdrawal/sightings")
    ResponseEntity<Withdrawals.Sighting> recordSighting(@PathVariable long processId, @RequestBody Withdrawals.NewSighting sighting) {
        return ResponseEntity.status(HttpStatus.CREATED).body(withdrawals.recordSighting(processId, sighting, Viewer.current()));
    }

    @GetMapping("/withdrawal/sightings")
    List<Withdrawals.Sighting> sightings(@PathVariable long processId) {
        return withdrawals.sightings(processId, Viewer.current());
    }

    @GetMapping("/withdrawal/discrepancies")
    List<Withdrawals.Discrepancy> discrepancies(@PathVariable long processId) {
        return withdrawals.discrepancies(processId);
    }

    // --- imports and exports

    @PostMapping(value = "/imports", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<ImportResult> importCsv(@PathVariable long processId, @RequestParam String format,
                                           @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        Imports.Format f;
        try {
            f = Imports.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "monitoring.import.format");
        }
        try (InputStream in = request.getInputStream()) {
            ImportResult r = imports.importCsv(processId, f, fileName, in, Viewer.current());
            return ResponseEntity.status(HttpStatus.CREATED).body(r);
        }
    }

    @GetMapping("/imports/{importId}")
    ImportResult importResult(@PathVariable long processId, @PathVariable long importId) {
        return imports.result(processId, importId, Viewer.current());
    }

    @GetMapping("/export/events.csv")
    void exportCsv(@PathVariable long processId, EventQuery q, HttpServletResponse response) throws IOException {
        List<Event> events = monitoring.events(processId, q.filter(categories, processId), 50_000, Viewer.current());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"events.csv\"");
        exports.csv(processId, events, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping("/export/events-acled.csv")
    void exportAcled(@PathVariable long processId, EventQuery q, HttpServletResponse response) throws IOException {
        List<Event> events = monitoring.events(processId, q.filter(categories, processId), 50_000, Viewer.current());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"events-acled.csv\"");
        exports.acled(processId, events, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/export/events.geojson", produces = "application/geo+json")
    String exportGeojson(@PathVariable long processId, EventQuery q, Locale locale) {
        return exports.geojson(processId, monitoring.events(processId, q.filter(categories, processId), 50_000, Viewer.current()), locale);
    }

    /** The dashboard's filters as query parameters. */
    static final class EventQuery {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;
        private String category;
        private Long party;
        private String state;
        private String admin1;

        EventFilter filter(Categories categories, long processId) {
            Category c = category == null || category.isBlank() ? null
                    : categories.parse(processId, category).orElseThrow(() -> new InvalidInputException("category", "monitoring.category.unknown", category));
            EventState s = null;
            if (state != null && !state.isBlank()) {
                try {
                    s = EventState.valueOf(state.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("state", "monitoring.decision.state");
                }
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidInputException("to", "monitoring.time.endBeforeStart");
            }
            return new EventFilter(from, to, c, party, s, admin1 == null || admin1.isBlank() ? null : admin1.strip());
        }

        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate from) { this.from = from; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate to) { this.to = to; }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public Long getParty() { return party; }
        public void setParty(Long party) { this.party = party; }
        public String getState() { return state; }
        public void setState(String state) { this.state = state; }
        public String getAdmin1() { return admin1; }
        public void setAdmin1(String admin1) { this.admin1 = admin1; }
    }
}
