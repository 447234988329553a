package org.parley.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.PartyRole;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring's public API. Observers file reports (one at a time or in batches from devices that were
 * offline); reports near in space and time, of compatible categories, are grouped into events; a named
 * verifier moves an event to verified, refuted or inconclusive with a reason, and a verified event is judged
 * against the ceasefires in force. Parties file claims, kept apart. Every change is one transaction; every
 * fact a party could dispute goes on the public record in it.
 *
 * <p>Who sees what: mediators and observers see every report and event; everyone else (parties, agencies,
 * analysts, the public) sees verified events only. A party sees its own claims, and other parties' claims
 * once observers have decided on them (then they are public).
 */
@Service
@Transactional(readOnly = true)
public class Monitoring {

    static final int MAX_TEXT = 20_000;
    static final int MAX_SHORT = 500;
    static final int MAX_COUNT = 1_000_000;
    static final Set<String> CONFIDENCE = Set.of("LOW", "MEDIUM", "HIGH");
    static final String SYSTEM = "Parley";

    private final MonitoringStore store;
    private final Categories categories;
    private final Observers observers;
    private final Geo geo;
    private final Processes processes;
    private final Roadmap roadmap;
    private final PublicRecord record;
    private final Clock clock;
    private final double groupKm;
    private final int groupMinutes;
    private final double spikeFactor;
    private final int maxAttachmentBytes;
    private final String defaultTileUrl;

    Monitoring(MonitoringStore store, Categories categories, Observers observers, Geo geo, Processes processes, Roadmap roadmap, PublicRecord record, Clock clock,
               @Value("${parley.monitoring.group-distance-km:2}") double groupKm,
               @Value("${parley.monitoring.group-window-minutes:30}") int groupMinutes,
               @Value("${parley.monitoring.spike-factor:2.0}") double spikeFactor,
               @Value("${parley.monitoring.max-attachment-bytes:5242880}") int maxAttachmentBytes,
               @Value("${parley.monitoring.tile-url:}") String defaultTileUrl) {
        this.store = store;
        this.categories = categories;
        this.observers = observers;
        this.geo = geo;
        this.processes = processes;
        this.roadmap = roadmap;
        this.record = record;
        this.clock = clock;
        this.groupKm = groupKm;
        this.groupMinutes = groupMinutes;
        this.spikeFactor = spikeFactor;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.defaultTileUrl = defaultTileUrl == null || defaultTileUrl.isBlank() ? null : defaultTileUrl.strip();
    }

    /** How a process groups reports into events and what counts as a spike: its mediators' settings, else the installation's. */
    public record Settings(double groupKm, int groupMinutes, double spikeFactor) {
    }

    public Settings settings(long processId) {
        return store.settings(processId).orElse(new Settings(groupKm, groupMinutes, spikeFactor));
    }

    /** A mediator changes the process's grouping distance and time window, and the spike factor; "regroup" applies them to open events. */
    @Transactional
    public Settings changeSettings(long processId, Settings s, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (Double.isNaN(s.groupKm()) || s.groupKm() <= 0 || s.groupKm() > 50) {
            problems.add(new FieldProblem("groupKm", "monitoring.settings.groupKm"));
        }
        if (s.groupMinutes() <= 0 || s.groupMinutes() > 1440) {
            problems.add(new FieldProblem("groupMinutes", "monitoring.settings.groupMinutes"));
        }
        if (Double.isNaN(s.spikeFactor()) || s.spikeFactor() < 1 || s.spikeFactor() > 100) {
            problems.add(new FieldProblem("spikeFactor", "monitoring.settings.spikeFactor"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        store.saveSettings(processId, s, viewer.accountId(), now);
        record.append(Fact.of("monitoring.settings_changed", processId, "process/" + processId, now, Role.MEDIATOR.name(),
                data("groupKm", s.groupKm(), "groupMinutes", s.groupMinutes(), "spikeFactor", s.spikeFactor())));
        return settings(processId);
    }

    public int maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    // --- who may do what

    /** Mediators of the process and the observers serving it see everything in monitoring; others see verified events only. */
    public boolean seesAll(long processId, Viewer viewer) {
        return observers.serves(processId, viewer) || processes.mediates(processId, viewer);
    }

    /** Observers serving the process file reports there. */
    public boolean mayReport(long processId, Viewer viewer) {
        return observers.serves(processId, viewer);
    }

    public boolean mayVerify(long processId, Viewer viewer) {
        return seesAll(processId, viewer);
    }

    private void requireObserver(long processId, Viewer viewer) {
        processes.get(processId);
        if (!observers.serves(processId, viewer)) {
            throw new ForbiddenException(viewer.is(Role.OBSERVER) ? "monitoring.error.notServing" : "monitoring.error.observersOnly");
        }
    }

    private void requireVerifier(long processId, Viewer viewer) {
        processes.get(processId);
        if (!mayVerify(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.verifiersOnly");
        }
    }

    private void requireSeesAll(long processId, Viewer viewer) {
        processes.get(processId);
        if (!seesAll(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.observersOnly");
        }
    }

    // --- reports

    /** A report and whether it was new (false: its client id had been uploaded before, nothing was added). */
    public record Submitted(Report report, boolean created) {
    }

    @Transactional
    public Submitted submit(long processId, NewReport input, Viewer viewer) {
        requireObserver(processId, viewer);
        store.lockProcess(processId);
        return submitLocked(processId, input, viewer);
    }

    /** A batch from a device that was offline: each report on its own (created, duplicate or invalid), all in one transaction. */
    @Transactional
    public List<BatchItem> submitBatch(long processId, List<NewReport> batch, Viewer viewer) {
        requireObserver(processId, viewer);
        if (batch == null || batch.isEmpty()) {
            throw new InvalidInputException("reports", "monitoring.batch.empty");
        }
        if (batch.size() > 1000) {
            throw new InvalidInputException("reports", "monitoring.batch.tooLarge", 1000);
        }
        store.lockProcess(processId);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewReport r = batch.get(i);
            if (r == null) {
                items.add(new BatchItem(i, null, "INVALID", null, null, List.of(new BatchItem.FieldError("report", "monitoring.report.missing"))));
                continue;
            }
            try {
                Submitted s = submitLocked(processId, r, viewer);
                items.add(new BatchItem(i, r.clientId(), s.created() ? "CREATED" : "DUPLICATE", s.report().id(), s.report().eventId(), List.of()));
            } catch (InvalidInputException e) {
                items.add(new BatchItem(i, r.clientId(), "INVALID", null, null,
                        e.problems().stream().map(p -> new BatchItem.FieldError(p.field(), p.code())).toList()));
            }
        }
        return items;
    }

    private Submitted submitLocked(long processId, NewReport input, Viewer viewer) {
        if (input.clientId() != null && !input.clientId().isBlank()) {
            Optional<Report> seen = store.reportByClientId(viewer.accountId(), input.clientId().strip());
            if (seen.isPresent()) {
                if (seen.get().processId() != processId) {
                    throw new InvalidInputException("clientId", "monitoring.clientId.otherProcess");
                }
                return new Submitted(store.report(seen.get().id()).orElseThrow(), false);
            }
        }
        if (input.team() == null || input.team().isBlank()) {
            input = input.withTeam(observers.team(processId, viewer.accountId()).orElse(null)); // the team the observer serves in
        }
        Checked c = check(processId, input);
        long id = store.insertReport(processId, c.report(), c.category(), c.admin1(), viewer.accountId(), viewer.displayName());
        Instant now = clock.instant();
        record.append(Fact.of("monitoring.report_filed", processId, "monitoring-report/" + id, now, Role.OBSERVER.name(), data(
                "category", c.category().name(), "observedFrom", c.report().observedFrom().toString(), "admin1", c.admin1(),
                "contentSha256", sha256(fingerprint(c.report())))));
        group(processId, id, c, now);
        checkSpike(processId, now);
        return new Submitted(store.report(id).orElseThrow(), true);
    }

    @Transactional
    public Report updateReport(long processId, long reportId, NewReport input, Viewer viewer) {
        requireObserver(processId, viewer);
        store.lockProcess(processId);
        Report old = report(processId, reportId, viewer);
        if (!java.util.Objects.equals(old.authorAccountId(), viewer.accountId())) {
            throw new ForbiddenException("monitoring.error.notYourReport");
        }
        Event event = old.eventId() == null ? null : store.event(old.eventId()).orElse(null);
        if (event != null && !event.state().open()) {
            throw new ConflictException("monitoring.report.eventDecided");
        }
        Checked c = check(processId, input);
        store.updateReport(reportId, c.report(), c.category(), c.admin1());
        Instant now = clock.instant();
        record.append(Fact.of("monitoring.report_amended", processId, "monitoring-report/" + reportId, now, Role.OBSERVER.name(), data(
                "category", c.category().name(), "observedFrom", c.report().observedFrom().toString(),
                "contentSha256", sha256(fingerprint(c.report())))));
        if (event != null) {
            store.setReportEvent(reportId, null);
            afterChange(event.id(), now);
        }
        group(processId, reportId, c, now);
        return store.report(reportId).orElseThrow();
    }

    @Transactional
    public Report.Attachment attach(long processId, long reportId, String fileName, String contentType, byte[] content, Viewer viewer) {
        requireObserver(processId, viewer);
        Report r = report(processId, reportId, viewer);
        if (!java.util.Objects.equals(r.authorAccountId(), viewer.accountId())) {
            throw new ForbiddenException("monitoring.error.notYourReport");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            problems.add(new FieldProblem("fileName", "monitoring.attachment.name"));
        }
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("content", "monitoring.attachment.empty"));
        } else if (content.length > maxAttachmentBytes) {
            problems.add(new FieldProblem("content", "monitoring.attachment.tooLarge", maxAttachmentBytes / (1024 * 1024)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String sha = HexFormat.of().formatHex(digest(content));
        long id = store.insertAttachment(reportId, fileName.strip(), contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
                content, sha);
        record.append(Fact.of("monitoring.attachment_added", processId, "monitoring-report/" + reportId, clock.instant(), Role.OBSERVER.name(),
                data("attachment", id, "sizeBytes", content.length, "sha256", sha)));
        return store.attachments(reportId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** Reports from outside sources in the filter's time window (newest first), for those who see everything. */
    public List<OutsideReport> outsideReports(long processId, EventFilter filter, int limit, Viewer viewer) {
        requireSeesAll(processId, viewer);
        return store.outsideReports(processId, filter, Math.min(Math.max(limit, 1), 50_000));
    }

    /** Refuses an unknown process (404). */
    public void requireProcess(long processId) {
        processes.get(processId);
    }

    public Report report(long processId, long reportId, Viewer viewer) {
        requireSeesAll(processId, viewer);
        return store.report(reportId).filter(r -> r.processId() == processId).orElseThrow(() -> new NotFoundException("report", reportId));
    }

    public List<Report> reports(long processId, int limit, Viewer viewer) {
        requireSeesAll(processId, viewer);
        return store.reports(processId, Math.min(Math.max(limit, 1), 1000));
    }

    record Checked(NewReport report, Category category, String admin1) {
    }

    /** Validates a report field by field; fills admin-1 from the coordinates, or coordinates from the admin-1 area. */
    Checked check(long processId, NewReport r) {
        List<FieldProblem> problems = new ArrayList<>();
        Category category = null;
        if (r.category() == null || r.category().isBlank()) {
            problems.add(new FieldProblem("category", "monitoring.category.required"));
        } else {
            category = categories.parse(processId, r.category()).orElse(null);
            if (category == null) {
                problems.add(new FieldProblem("category", "monitoring.category.unknown", r.category()));
            }
        }
        Instant now = clock.instant();
        if (r.observedFrom() == null) {
            problems.add(new FieldProblem("observedFrom", "monitoring.time.required"));
        } else {
            if (r.observedFrom().isAfter(now.plus(Duration.ofMinutes(10)))) {
                problems.add(new FieldProblem("observedFrom", "monitoring.time.future"));
            }
            if (r.observedFrom().isBefore(Instant.parse("1990-01-01T00:00:00Z"))) {
                problems.add(new FieldProblem("observedFrom", "monitoring.time.tooOld"));
            }
            if (r.observedTo() != null && r.observedTo().isBefore(r.observedFrom())) {
                problems.add(new FieldProblem("observedTo", "monitoring.time.endBeforeStart"));
            }
        }
        if (r.observedTo() != null && r.observedTo().isAfter(now.plus(Duration.ofMinutes(10)))) {
            problems.add(new FieldProblem("observedTo", "monitoring.time.future"));
        }
        Double lat = r.latitude();
        Double lon = r.longitude();
        Integer precision = r.precisionM();
        String admin1 = null;
        if ((lat == null) != (lon == null)) {
            problems.add(new FieldProblem(lat == null ? "latitude" : "longitude", "monitoring.position.both"));
        } else if (lat != null) {
            if (lat.isNaN() || lat < -90 || lat > 90) {
                problems.add(new FieldProblem("latitude", "monitoring.latitude.range"));
            }
            if (lon.isNaN() || lon < -180 || lon > 180) {
                problems.add(new FieldProblem("longitude", "monitoring.longitude.range"));
            }
            if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                Geo.Area a = geo.areaOf(lat, lon);
                admin1 = a != null ? a.nameEn() : MonitoringStore.blankToNull(r.admin1());
            }
        } else {
            Optional<Geo.Area> area = findArea(r.admin1());
            if (area.isEmpty()) {
                problems.add(new FieldProblem("latitude", "monitoring.position.required"));
            } else {
                var p = area.get().shape().getGeometry().getInteriorPoint();
                lat = p.getY();
                lon = p.getX();
                admin1 = area.get().nameEn();
                precision = 50_000;
            }
        }
        if (precision != null && (precision < 0 || precision > 1_000_000)) {
            problems.add(new FieldProblem("precisionM", "monitoring.count.invalid"));
        }
        count(problems, "quantity", r.quantity());
        count(problems, "distanceM", r.distanceM());
        count(problems, "killedCivilian", r.killedCivilian());
        count(problems, "killedMilitary", r.killedMilitary());
        count(problems, "injuredCivilian", r.injuredCivilian());
        count(problems, "injuredMilitary", r.injuredMilitary());
        if (r.confidence() != null && !r.confidence().isBlank() && !CONFIDENCE.contains(r.confidence().strip().toUpperCase())) {
            problems.add(new FieldProblem("confidence", "monitoring.confidence.unknown"));
        }
        if (r.allegedPartyId() != null && processes.parties(processId).stream().noneMatch(p -> p.id() == r.allegedPartyId())) {
            problems.add(new FieldProblem("allegedPartyId", "party.notInProcess", r.allegedPartyId()));
        }
        if (r.description() != null && r.description().length() > MAX_TEXT) {
            problems.add(new FieldProblem("description", "monitoring.text.tooLong", MAX_TEXT));
        }
        if (r.sources() != null && r.sources().length() > MAX_TEXT) {
            problems.add(new FieldProblem("sources", "monitoring.text.tooLong", MAX_TEXT));
        }
        short_(problems, "clientId", r.clientId(), 100);
        short_(problems, "team", r.team(), MAX_SHORT);
        short_(problems, "place", r.place(), MAX_SHORT);
        short_(problems, "admin1", r.admin1(), MAX_SHORT);
        short_(problems, "admin2", r.admin2(), MAX_SHORT);
        short_(problems, "direction", r.direction(), MAX_SHORT);
        short_(problems, "weapon", r.weapon(), MAX_SHORT);
        short_(problems, "allegedBy", r.allegedBy(), MAX_SHORT);
        short_(problems, "language", r.language(), 10);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewReport normalised = new NewReport(r.clientId() == null ? null : r.clientId().strip(), r.team(), r.observedFrom(), r.observedTo(),
                lat, lon, precision, r.place(), admin1, r.admin2(), category.name(), r.quantity(), r.direction(), r.distanceM(), r.weapon(),
                r.allegedPartyId(), r.allegedBy(), r.killedCivilian(), r.killedMilitary(), r.injuredCivilian(), r.injuredMilitary(),
                r.sources(), r.confidence() == null || r.confidence().isBlank() ? null : r.confidence().strip().toUpperCase(),
                r.description(), r.language());
        return new Checked(normalised, category, admin1);
    }

    Optional<Geo.Area> findArea(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        return geo.areas().stream().filter(a -> a.code().equalsIgnoreCase(t) || a.nameEn().equalsIgnoreCase(t) || a.nameUk().equalsIgnoreCase(t)
                || a.nameRu().equalsIgnoreCase(t)).findFirst();
    }

    private static void count(List<FieldProblem> problems, String field, Integer value) {
        if (value != null && (value < 0 || value > MAX_COUNT)) {
            problems.add(new FieldProblem(field, "monitoring.count.invalid"));
        }
    }

    private static void short_(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "monitoring.text.tooLong", max));
        }
    }

    // --- grouping

    /** Puts a report into the nearest open event it fits (distance, time, compatible category), or a new one. */
    private void group(long processId, long reportId, Checked c, Instant now) {
        Settings settings = settings(processId);
        double groupKm = settings.groupKm();
        int groupMinutes = settings.groupMinutes();
        NewReport r = c.report();
        double lat = r.latitude();
        double lon = r.longitude();
        Instant from = r.observedFrom();
        Instant to = r.observedTo() == null ? from : r.observedTo();
        double dLat = groupKm / 110.574;
        double dLon = groupKm / (111.320 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        Event best = null;
        double bestKm = Double.MAX_VALUE;
        for (Event e : store.candidates(processId, from, to, groupMinutes, lat - dLat, lat + dLat, lon - dLon, lon + dLon)) {
            if (!fits(e, c.category(), lat, lon, from, to, groupKm, groupMinutes)) {
                continue;
            }
            double km = Geo.km(lat, lon, e.latitude(), e.longitude());
            if (km < bestKm) {
                best = e;
                bestKm = km;
            }
        }
        long eventId = best != null ? best.id() : store.insertEvent(processId, c.category(), from, lat, lon, c.admin1());
        store.setReportEvent(reportId, eventId);
        afterChange(eventId, now);
    }

    static boolean fits(Event e, Category category, double lat, double lon, Instant from, Instant to, double groupKm, int groupMinutes) {
        if (!e.state().open() || !e.category().compatibleWith(category)) {
            return false;
        }
        if (Geo.km(lat, lon, e.latitude(), e.longitude()) > groupKm) {
            return false;
        }
        long gapSeconds = Math.max(0, Math.max(Duration.between(e.lastAt(), from).toSeconds(), Duration.between(to, e.firstAt()).toSeconds()));
        return gapSeconds <= groupMinutes * 60L;
    }

    /** Recomputes an event after its reports changed: deletes it if empty, corroborates or un-corroborates it by its observers. */
    private void afterChange(long eventId, Instant now) {
        if (!store.recompute(eventId)) {
            store.deleteEvent(eventId);
            return;
        }
        Event e = store.event(eventId).orElseThrow();
        if (e.state() == EventState.REPORTED && e.observers() >= 2) {
            store.setStateOnly(eventId, EventState.CORROBORATED);
            store.insertStep(eventId, EventState.REPORTED, EventState.CORROBORATED, null, SYSTEM, "SYSTEM",
                    "Reported by " + e.observers() + " independent observers", now);
        } else if (e.state() == EventState.CORROBORATED && e.observers() < 2 && e.decidedByName() == null) {
            store.setStateOnly(eventId, EventState.REPORTED);
            store.insertStep(eventId, EventState.CORROBORATED, EventState.REPORTED, null, SYSTEM, "SYSTEM",
                    "Reported by fewer than two independent observers", now);
        }
    }

    private void checkSpike(long processId, Instant now) {
        double spikeFactor = settings(processId).spikeFactor();
        int last24h = count(processId, EventFilter.none(), false, now.minus(Duration.ofHours(24)), now.plusSeconds(600));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double baseline = store.countRollup(store.rollupWhere(processId, EventFilter.none(), false), today.minusDays(27), today.minusDays(13)) / 14.0;
        if (spike(last24h, baseline, spikeFactor)) {
            store.insertAlert(processId, today, last24h, baseline);
        }
    }

    private static boolean spike(int last24h, double baseline, double spikeFactor) {
        return last24h >= 3 && last24h > spikeFactor * baseline;
    }

    // --- events

    public List<Event> events(long processId, EventFilter filter, int limit, Viewer viewer) {
        processes.get(processId);
        return store.events(store.where(processId, filter, !seesAll(processId, viewer)), Math.min(Math.max(limit, 1), 50_000));
    }

    public Event event(long processId, long eventId, Viewer viewer) {
        processes.get(processId);
        return store.event(eventId).filter(e -> e.processId() == processId)
                .filter(e -> e.state() == EventState.VERIFIED || seesAll(processId, viewer))
                .orElseThrow(() -> new NotFoundException("event", eventId));
    }

    /** The reports of an event, each with its attachments (their names, sizes and SHA-256, not their content). */
    public List<Report> reportsOf(long processId, long eventId, Viewer viewer) {
        requireSeesAll(processId, viewer);
        event(processId, eventId, viewer);
        List<Report> reports = store.reportsOfEvent(eventId);
        Map<Long, List<Report.Attachment>> files = store.attachmentsOf(reports.stream().map(Report::id).toList());
        return reports.stream().map(r -> r.withAttachments(files.getOrDefault(r.id(), List.of()))).toList();
    }

    /** An attachment's content, for those who see everything in the process. */
    public record File(Report.Attachment meta, byte[] content) {
    }

    public File attachment(long processId, long reportId, long attachmentId, Viewer viewer) {
        Report r = report(processId, reportId, viewer);
        return store.attachmentContent(r.id(), attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /** Whether the viewer may amend a report and attach files to it: its author, serving the process, while its event is open. */
    public boolean mayAmend(long processId, Report r, Viewer viewer) {
        if (!java.util.Objects.equals(r.authorAccountId(), viewer.accountId()) || !observers.serves(processId, viewer)) {
            return false;
        }
        return r.eventId() == null || store.event(r.eventId()).map(e -> e.state().open()).orElse(true);
    }

    public List<EventStep> history(long processId, long eventId, Viewer viewer) {
        event(processId, eventId, viewer);
        List<EventStep> steps = store.steps(eventId);
        if (seesAll(processId, viewer)) {
            return steps;
        }
        return steps.stream().filter(s -> s.toState().decided() || s.toState() == EventState.INCONCLUSIVE).toList();
    }

    /** The ceasefires an event violates (verified events only). */
    public List<Ceasefire> violations(long processId, long eventId, Viewer viewer) {
        event(processId, eventId, viewer);
        List<Long> ids = store.violatedCeasefires(eventId);
        return store.ceasefires(processId).stream().filter(c -> ids.contains(c.id())).toList();
    }

    @Transactional
    public Event decide(long processId, long eventId, Decision d, Viewer viewer) {
        requireVerifier(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (d.state() == null || d.state() == EventState.REPORTED) {
            problems.add(new FieldProblem("state", "monitoring.decision.state"));
        }
        if (d.reason() == null || d.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "monitoring.decision.reason"));
        } else if (d.reason().length() > 4000) {
            problems.add(new FieldProblem("reason", "monitoring.text.tooLong", 4000));
        }
        Party party = null;
        if (d.attributedPartyId() != null) {
            if (d.state() != EventState.VERIFIED) {
                problems.add(new FieldProblem("attributedPartyId", "monitoring.decision.attributionNeedsVerified"));
            } else {
                party = processes.parties(processId).stream().filter(p -> p.id() == d.attributedPartyId()).findFirst().orElse(null);
                if (party == null) {
                    problems.add(new FieldProblem("attributedPartyId", "party.notInProcess", d.attributedPartyId()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.lockProcess(processId);
        Event e = event(processId, eventId, viewer);
        if (e.state().decided()) {
            throw new ConflictException("monitoring.event.alreadyDecided");
        }
        if (e.state() == d.state()) {
            throw new ConflictException("monitoring.event.sameState");
        }
        if (d.state() == EventState.VERIFIED && e.state() == EventState.REPORTED) {
            throw new ConflictException("monitoring.event.corroborateFirst");
        }
        Instant now = clock.instant();
        String reason = d.reason().strip();
        String role = viewer.role().name();
        store.setState(eventId, d.state(), party == null ? null : party.id(), viewer.displayName(), viewer.accountId(), reason, now);
        store.insertStep(eventId, e.state(), d.state(), viewer.accountId(), viewer.displayName(), role, reason, now);
        Event decided = store.event(eventId).orElseThrow();
        record.append(Fact.of("monitoring.event_decided", processId, "monitoring-event/" + eventId, now, role, data(
                "state", d.state().name(), "from", e.state().name(), "category", decided.category().name(),
                "firstAt", decided.firstAt().toString(), "lastAt", decided.lastAt().toString(),
                "latitude", round(decided.latitude()), "longitude", round(decided.longitude()), "admin1", decided.admin1(),
                "observers", decided.observers(), "reports", decided.reports(),
                "attributedTo", party == null ? null : party.shortName(), "verifier", viewer.displayName(), "reasonSha256", sha256(reason))));
        if (d.state() == EventState.VERIFIED) {
            for (Ceasefire c : store.ceasefires(processId)) {
                judge(c, decided, now, role);
            }
        }
        return decided;
    }

    /** Records a violation if a verified event falls within a ceasefire's time, geography and categories. */
    private void judge(Ceasefire c, Event e, Instant now, String role) {
        if (!c.inForce(e.firstAt()) || !c.covers(e.category()) || !geo.covers(c, e.latitude(), e.longitude())) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(e.firstAt(), ZoneOffset.UTC);
        if (store.insertViolation(e.id(), c.id(), e.attributedPartyId(), day)) {
            String party = e.attributedPartyId() == null ? null
                    : processes.party(c.processId(), e.attributedPartyId()).shortName();
            record.append(Fact.of("monitoring.violation", c.processId(), "monitoring-event/" + e.id(), now, role, data(
                    "ceasefire", c.id(), "ceasefireName", c.name(), "day", day.toString(), "category", e.category().name(),
                    "attributedTo", party)));
        }
    }

    @Transactional
    public Event merge(long processId, long eventId, long otherEventId, String reason, Viewer viewer) {
        requireVerifier(processId, viewer);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "monitoring.decision.reason");
        }
        store.lockProcess(processId);
        Event a = event(processId, eventId, viewer);
        Event b = store.event(otherEventId).filter(x -> x.processId() == processId)
                .orElseThrow(() -> new InvalidInputException("otherEventId", "monitoring.merge.unknownEvent"));
        if (a.id() == b.id()) {
            throw new InvalidInputException("otherEventId", "monitoring.merge.same");
        }
        if (!a.state().open() || !b.state().open()) {
            throw new ConflictException("monitoring.event.alreadyDecided");
        }
        Instant now = clock.instant();
        store.moveReports(b.id(), a.id());
        store.insertStep(a.id(), a.state(), a.state(), viewer.accountId(), viewer.displayName(), viewer.role().name(),
                "Merged with event #" + b.id() + ": " + reason.strip(), now);
        store.deleteEvent(b.id());
        afterChange(a.id(), now);
        return store.event(a.id()).orElseThrow();
    }

    /** Moves some reports of an event into a new event of their own. */
    @Transactional
    public Event split(long processId, long eventId, List<Long> reportIds, String reason, Viewer viewer) {
        requireVerifier(processId, viewer);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "monitoring.decision.reason");
        }
        store.lockProcess(processId);
        Event a = event(processId, eventId, viewer);
        if (!a.state().open()) {
            throw new ConflictException("monitoring.event.alreadyDecided");
        }
        List<Report> reports = store.reportsOfEvent(eventId);
        Set<Long> ids = reportIds == null ? Set.of() : Set.copyOf(reportIds);
        List<Report> moving = reports.stream().filter(r -> ids.contains(r.id())).toList();
        if (moving.isEmpty() || moving.size() != ids.size() || moving.size() == reports.size()) {
            throw new InvalidInputException("reportIds", "monitoring.split.reports");
        }
        Instant now = clock.instant();
        Report first = moving.getFirst();
        long newId = store.insertEvent(processId, first.category(), first.observedFrom(), first.latitude(), first.longitude(), first.admin1());
        moving.forEach(r -> store.setReportEvent(r.id(), newId));
        String why = reason.strip();
        store.insertStep(eventId, a.state(), a.state(), viewer.accountId(), viewer.displayName(), viewer.role().name(),
                "Split into event #" + newId + ": " + why, now);
        store.insertStep(newId, null, EventState.REPORTED, viewer.accountId(), viewer.displayName(), viewer.role().name(),
                "Split from event #" + eventId + ": " + why, now);
        afterChange(eventId, now);
        afterChange(newId, now);
        return store.event(newId).orElseThrow();
    }

    /** What a regrouping did. */
    public record Regrouped(int reports, int eventsBefore, int eventsAfter) implements java.io.Serializable {
    }

    /**
     * Groups again, with the current distance and time settings, all observers' reports of the process's open
     * events (reported or corroborated); decided events are left as they are. For a mediator, e.g. after the
     * settings changed; earlier manual merges and splits of open events are redone by the rule.
     */
    @Transactional
    public Regrouped regroup(long processId, String reason, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "monitoring.decision.reason");
        }
        store.lockProcess(processId);
        List<Report> reports = store.reportsOfOpenEvents(processId);
        List<Long> oldEvents = reports.stream().map(Report::eventId).distinct().toList();
        List<Grouper.Item> items = reports.stream().map(r -> new Grouper.Item(r.id(), r.observedFrom().getEpochSecond(),
                (r.observedTo() == null ? r.observedFrom() : r.observedTo()).getEpochSecond(), r.latitude(), r.longitude(), r.category(),
                r.authorAccountId() == null ? -r.id() : r.authorAccountId())).toList();
        Settings settings = settings(processId);
        int[] groups = new Grouper(settings.groupKm(), settings.groupMinutes()).group(items);
        store.detachAndDeleteEvents(oldEvents);
        int count = java.util.Arrays.stream(groups).max().orElse(-1) + 1;
        long[] eventIds = new long[count];
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (eventIds[groups[i]] == 0) {
                eventIds[groups[i]] = store.insertEvent(processId, r.category(), r.observedFrom(), r.latitude(), r.longitude(), r.admin1());
            }
        }
        long[] reportIds = reports.stream().mapToLong(Report::id).toArray();
        long[] targets = new long[reports.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = eventIds[groups[i]];
        }
        store.assign(reportIds, targets);
        Instant now = clock.instant();
        for (long e : eventIds) {
            afterChange(e, now);
        }
        record.append(Fact.of("monitoring.regrouped", processId, "process/" + processId, now, Role.MEDIATOR.name(), data(
                "distanceKm", settings.groupKm(), "windowMinutes", settings.groupMinutes(), "reports", reports.size(), "eventsBefore", oldEvents.size(),
                "eventsAfter", count, "reasonSha256", sha256(reason.strip()))));
        return new Regrouped(reports.size(), oldEvents.size(), count);
    }

    // --- claims

    @Transactional
    public Claim fileClaim(long processId, NewClaim c, Viewer viewer) {
        processes.get(processId);
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null) {
            throw new ForbiddenException("monitoring.error.delegatesOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (processes.parties(processId).stream().noneMatch(p -> p.id() == viewer.partyId())) {
            throw new ForbiddenException("monitoring.error.notAPartyHere");
        }
        Category category = categories.parse(processId, c.category()).orElse(null);
        if (category == null) {
            problems.add(new FieldProblem("category", c.category() == null || c.category().isBlank()
                    ? "monitoring.category.required" : "monitoring.category.unknown", c.category()));
        }
        Instant now = clock.instant();
        if (c.observedFrom() == null) {
            problems.add(new FieldProblem("observedFrom", "monitoring.time.required"));
        } else if (c.observedFrom().isAfter(now.plus(Duration.ofMinutes(10)))) {
            problems.add(new FieldProblem("observedFrom", "monitoring.time.future"));
        } else if (c.observedTo() != null && c.observedTo().isBefore(c.observedFrom())) {
            problems.add(new FieldProblem("observedTo", "monitoring.time.endBeforeStart"));
        }
        if (c.latitude() == null || c.latitude().isNaN() || c.latitude() < -90 || c.latitude() > 90) {
            problems.add(new FieldProblem("latitude", "monitoring.latitude.range"));
        }
        if (c.longitude() == null || c.longitude().isNaN() || c.longitude() < -180 || c.longitude() > 180) {
            problems.add(new FieldProblem("longitude", "monitoring.longitude.range"));
        }
        if (c.description() == null || c.description().isBlank()) {
            problems.add(new FieldProblem("description", "monitoring.claim.description"));
        } else if (c.description().length() > MAX_TEXT) {
            problems.add(new FieldProblem("description", "monitoring.text.tooLong", MAX_TEXT));
        }
        if (c.evidence() != null && c.evidence().length() > MAX_TEXT) {
            problems.add(new FieldProblem("evidence", "monitoring.text.tooLong", MAX_TEXT));
        }
        if (c.accusedPartyId() != null && processes.parties(processId).stream().noneMatch(p -> p.id() == c.accusedPartyId())) {
            problems.add(new FieldProblem("accusedPartyId", "party.notInProcess", c.accusedPartyId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Geo.Area area = geo.areaOf(c.latitude(), c.longitude());
        String evidenceSha = c.evidence() == null || c.evidence().isBlank() ? null : sha256(c.evidence().strip());
        long id = store.insertClaim(processId, viewer.partyId(), viewer.accountId(), c, category, area == null ? null : area.nameEn(), evidenceSha);
        return store.claim(id).orElseThrow();
    }

    public List<Claim> claims(long processId, Viewer viewer) {
        processes.get(processId);
        return store.claims(processId).stream().filter(c -> maySee(c, viewer)).toList();
    }

    public Claim claim(long processId, long claimId, Viewer viewer) {
        processes.get(processId);
        return store.claim(claimId).filter(c -> c.processId() == processId).filter(c -> maySee(c, viewer))
                .orElseThrow(() -> new NotFoundException("claim", claimId));
    }

    private boolean maySee(Claim c, Viewer viewer) {
        return c.isPublic() || seesAll(c.processId(), viewer) || (viewer.is(Role.DELEGATE) && viewer.partyId() != null && viewer.partyId() == c.partyId());
    }

    @Transactional
    public Claim decideClaim(long processId, long claimId, ClaimDecision d, Viewer viewer) {
        requireVerifier(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (d.status() == null || d.status() == ClaimStatus.CLAIMED) {
            problems.add(new FieldProblem("status", "monitoring.decision.state"));
        }
        if (d.reason() == null || d.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "monitoring.decision.reason"));
        }
        if (d.eventId() != null && store.event(d.eventId()).filter(e -> e.processId() == processId).isEmpty()) {
            problems.add(new FieldProblem("eventId", "monitoring.merge.unknownEvent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Claim c = claim(processId, claimId, viewer);
        if (c.status() != ClaimStatus.CLAIMED) {
            throw new ConflictException("monitoring.claim.alreadyDecided");
        }
        Instant now = clock.instant();
        store.decideClaim(claimId, d.status(), d.eventId(), viewer.displayName(), d.reason().strip(), now);
        record.append(Fact.of("monitoring.claim_decided", processId, "monitoring-claim/" + claimId, now, viewer.role().name(), data(
                "status", d.status().name(), "claimant", processes.party(processId, c.partyId()).shortName(),
                "category", c.category().name(), "observedFrom", c.observedFrom().toString(), "event", d.eventId(),
                "descriptionSha256", sha256(c.description()), "evidenceSha256", c.evidenceSha256(), "verifier", viewer.displayName(),
                "reasonSha256", sha256(d.reason().strip()))));
        return store.claim(claimId).orElseThrow();
    }

    // --- ceasefires and compliance

    @Transactional
    public Ceasefire defineCeasefire(long processId, NewCeasefire c, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            problems.add(new FieldProblem("name", "monitoring.ceasefire.name"));
        } else if (c.name().length() > MAX_SHORT) {
            problems.add(new FieldProblem("name", "monitoring.text.tooLong", MAX_SHORT));
        }
        if (c.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "monitoring.time.required"));
        } else if (c.endsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            problems.add(new FieldProblem("endsAt", "monitoring.time.endBeforeStart"));
        }
        if (c.milestoneId() != null && roadmap.milestones(processId).stream().noneMatch(m -> m.id() == c.milestoneId())) {
            problems.add(new FieldProblem("milestoneId", "monitoring.ceasefire.milestone"));
        }
        if (c.geography() == null) {
            problems.add(new FieldProblem("geography", "monitoring.ceasefire.geography"));
        } else if (c.geography() != Geography.COUNTRY) {
            List<List<Double>> pts = c.coordinates() == null ? List.of() : c.coordinates();
            boolean wellFormed = pts.stream().allMatch(p -> p != null && p.size() == 2 && p.get(0) != null && p.get(1) != null
                    && p.get(0) >= -180 && p.get(0) <= 180 && p.get(1) >= -90 && p.get(1) <= 90);
            if (!wellFormed) {
                problems.add(new FieldProblem("coordinates", "monitoring.ceasefire.coordinates"));
            } else if (c.geography() == Geography.POLYGON && (pts.size() < 4 || !pts.getFirst().equals(pts.getLast()) || !geo.validRing(pts))) {
                problems.add(new FieldProblem("coordinates", "monitoring.ceasefire.polygon"));
            } else if (c.geography() == Geography.CONTACT_LINE && pts.size() < 2) {
                problems.add(new FieldProblem("coordinates", "monitoring.ceasefire.line"));
            }
            if (c.geography() == Geography.CONTACT_LINE && (c.bufferKm() == null || c.bufferKm() <= 0 || c.bufferKm() > 500)) {
                problems.add(new FieldProblem("bufferKm", "monitoring.ceasefire.buffer"));
            }
        }
        List<Category> covered = new ArrayList<>();
        if ((c.categories() == null || c.categories().isEmpty()) && !c.kinetic()) {
            problems.add(new FieldProblem("categories", "monitoring.ceasefire.categories"));
        } else if (c.categories() != null) {
            for (String s : c.categories()) {
                categories.parse(processId, s).ifPresentOrElse(x -> {
                    if (!covered.contains(x)) {
                        covered.add(x);
                    }
                }, () -> problems.add(new FieldProblem("categories", "monitoring.category.unknown", s)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insertCeasefire(processId, c, covered);
        Ceasefire saved = store.ceasefire(id).orElseThrow();
        Instant now = clock.instant();
        record.append(Fact.of("monitoring.ceasefire_defined", processId, "ceasefire/" + id, now, Role.MEDIATOR.name(), data(
                "name", saved.name(), "milestone", saved.milestoneId(), "startsAt", saved.startsAt().toString(),
                "endsAt", saved.endsAt() == null ? null : saved.endsAt().toString(), "geography", saved.geography().name(),
                "geometrySha256", saved.coordinates() == null ? null : sha256(saved.coordinates().toString()), "bufferKm", saved.bufferKm(),
                "categories", covered.stream().map(Category::name).toList(), "allKinetic", c.kinetic())));
        store.forEachVerified(processId, e -> judge(saved, e, now, Role.MEDIATOR.name()));
        return saved;
    }

    public List<Ceasefire> ceasefires(long processId) {
        processes.get(processId);
        return store.ceasefires(processId);
    }

    public Ceasefire ceasefire(long processId, long ceasefireId) {
        processes.get(processId);
        return store.ceasefire(ceasefireId).filter(c -> c.processId() == processId).orElseThrow(() -> new NotFoundException("ceasefire", ceasefireId));
    }

    /** Verified violations per party per day over the last {@code days} days the ceasefire was in force. */
    public Compliance compliance(long processId, long ceasefireId, int days, java.util.Locale locale) {
        Ceasefire c = ceasefire(processId, ceasefireId);
        int n = Math.min(Math.max(days, 1), 366);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = LocalDate.ofInstant(c.startsAt(), ZoneOffset.UTC);
        LocalDate end = c.endsAt() == null ? today : min(today, LocalDate.ofInstant(c.endsAt().minusNanos(1), ZoneOffset.UTC));
        LocalDate from = end.minusDays(n - 1L).isBefore(start) ? start : end.minusDays(n - 1L);
        List<LocalDate> dayList = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
            dayList.add(d);
        }
        List<Party> all = processes.parties(processId);
        List<Long> partyIds = new ArrayList<>();
        if (c.milestoneId() != null) {
            Milestone m = roadmap.milestone(processId, c.milestoneId());
            all.stream().filter(p -> m.partyIds().contains(p.id()) && p.role() == PartyRole.CONFLICT_PARTY).forEach(p -> partyIds.add(p.id()));
        }
        if (partyIds.isEmpty()) {
            all.stream().filter(p -> p.role() == PartyRole.CONFLICT_PARTY).forEach(p -> partyIds.add(p.id()));
        }
        Map<Long, Map<LocalDate, Integer>> counts = new HashMap<>();
        if (!dayList.isEmpty()) {
            for (Object[] row : store.violationCounts(ceasefireId, from, end)) {
                Long party = (Long) row[0];
                if (party != null && !partyIds.contains(party)) {
                    partyIds.add(party);
                }
                counts.computeIfAbsent(party == null ? -1L : party, k -> new HashMap<>()).put((LocalDate) row[1], (Integer) row[2]);
            }
        }
        List<Compliance.Row> rows = new ArrayList<>();
        for (Long pid : partyIds) {
            Party p = all.stream().filter(x -> x.id() == pid).findFirst().orElseThrow();
            rows.add(row(pid, p.shortName() + " — " + p.name(locale), dayList, counts.getOrDefault(pid, Map.of())));
        }
        rows.add(row(null, null, dayList, counts.getOrDefault(-1L, Map.of())));
        return new Compliance(c, dayList, rows);
    }

    private static Compliance.Row row(Long partyId, String name, List<LocalDate> days, Map<LocalDate, Integer> counts) {
        List<Integer> perDay = days.stream().map(d -> counts.getOrDefault(d, 0)).toList();
        int total = perDay.stream().mapToInt(Integer::intValue).sum();
        int compliant = (int) perDay.stream().filter(x -> x == 0).count();
        return new Compliance.Row(partyId, name, perDay, total, compliant);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // --- dashboard

    public Dashboard dashboard(long processId, EventFilter filter, Viewer viewer) {
        processes.get(processId);
        boolean all = seesAll(processId, viewer);
        EventFilter timeless = new EventFilter(null, null, filter.category(), filter.partyId(), filter.state(), filter.admin1());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate end = filter.to() != null && filter.to().isBefore(today) ? filter.to() : today;
        LocalDate start = end.minusDays(13);
        Map<LocalDate, Dashboard.Day> byDay = new LinkedHashMap<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            byDay.put(d, new Dashboard.Day(d, 0, 0, 0));
        }
        MonitoringStore.Where rollup = store.rollupWhere(processId, timeless, !all);
        for (Dashboard.Day d : store.dailyRollup(rollup, start, end.plusDays(1))) {
            byDay.put(d.day(), d);
        }
        if (all) {
            store.outsideDaily(processId, filter.category(), start, end.plusDays(1)).forEach((d, n) -> byDay.computeIfPresent(d,
                    (k, x) -> new Dashboard.Day(k, x.events(), x.verified(), n)));
        }
        double baseline = store.countRollup(rollup, start.minusDays(14), start) / 14.0;
        int last24h = count(processId, timeless, !all, now.minus(Duration.ofHours(24)), now.plusSeconds(600));
        Long party = viewer.is(Role.DELEGATE) && !all ? viewer.partyId() : null;
        long open = all ? store.claimsCount(processId, ClaimStatus.CLAIMED, null)
                : party != null ? store.claimsCount(processId, ClaimStatus.CLAIMED, party) : 0;
        double spikeFactor = settings(processId).spikeFactor();
        return new Dashboard(new ArrayList<>(byDay.values()), baseline, last24h, spike(last24h, baseline, spikeFactor), spikeFactor, open,
                store.claimsCount(processId, ClaimStatus.VERIFIED, null), all ? store.outsideReports(processId) : 0);
    }

    /**
     * Events that began in [from, to), exactly: whole UTC days from the daily roll-up, the parts of a day at either
     * end from the events themselves (by the covering index on process and time), so at most two days' worth of
     * events are read, whatever the span.
     */
    int count(long processId, EventFilter timeless, boolean verifiedOnly, Instant from, Instant to) {
        LocalDate firstWhole = LocalDate.ofInstant(from.minusNanos(1), ZoneOffset.UTC).plusDays(1);
        LocalDate endWhole = LocalDate.ofInstant(to, ZoneOffset.UTC);
        Instant dFrom = firstWhole.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dTo = endWhole.atStartOfDay().toInstant(ZoneOffset.UTC);
        MonitoringStore.Where events = store.where(processId, timeless, verifiedOnly);
        if (!firstWhole.isBefore(endWhole)) {
            return store.count(events, from, to);
        }
        int n = store.countRollup(store.rollupWhere(processId, timeless, verifiedOnly), firstWhole, endWhole);
        if (from.isBefore(dFrom)) {
            n += store.count(events, from, dFrom);
        }
        if (dTo.isBefore(to)) {
            n += store.count(events, dTo, to);
        }
        return n;
    }

    /** Spike alerts as notifications of one mediator or observer: newest first, each with whether they have read it. */
    public List<Map<String, Object>> notifications(long processId, Viewer viewer) {
        requireSeesAll(processId, viewer);
        return store.alertsFor(processId, viewer.accountId(), 50);
    }

    /** Spike alerts this mediator or observer has not read yet (0 for everyone else). */
    public int unreadAlerts(long processId, Viewer viewer) {
        processes.get(processId);
        return seesAll(processId, viewer) && viewer.accountId() != null ? store.unreadAlerts(processId, viewer.accountId()) : 0;
    }

    @Transactional
    public int markAlertsRead(long processId, Viewer viewer) {
        requireSeesAll(processId, viewer);
        return store.markAlertsRead(processId, viewer.accountId(), clock.instant());
    }

    static final String TILE_SETTING = "monitoring.tile-url";

    /** The tile server the map draws under the bundled boundaries: the installation's setting, else the configured default, else none. */
    public String tileUrl() {
        return store.setting(TILE_SETTING).filter(s -> !s.isBlank()).orElse(defaultTileUrl);
    }

    /** The origin (scheme, host, port) of the tile server, for the Content-Security-Policy; null when there is none. */
    public String tileOrigin() {
        String url = tileUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI u = java.net.URI.create(url.replace("{", "%7B").replace("}", "%7D"));
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                return null;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null; // a malformed configured default: the map keeps to the bundled boundaries
        }
    }

    /** A mediator sets the tile server (an http(s) URL with {z}, {x} and {y}), or clears it with a blank one. */
    @Transactional
    public void setTileUrl(long processId, String url, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        String u = url == null ? "" : url.strip();
        if (!u.isEmpty()) {
            boolean ok = u.length() <= 500 && u.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[^\\s\"'<>]*")
                    && u.contains("{z}") && u.contains("{x}") && u.contains("{y}");
            if (!ok) {
                throw new InvalidInputException("tileUrl", "monitoring.tiles.invalid");
            }
        }
        store.setSetting(TILE_SETTING, u.isEmpty() ? null : u);
        record.append(Fact.of("monitoring.tile_server_set", processId, "process/" + processId, clock.instant(), Role.MEDIATOR.name(),
                data("tileUrl", u.isEmpty() ? null : u)));
    }

    /** Spike alerts for the mediators of the process (and observers); nobody else. */
    public List<Map<String, Object>> alerts(long processId, Viewer viewer) {
        processes.get(processId);
        return seesAll(processId, viewer) ? store.alerts(processId, 10) : List.of();
    }

    // --- helpers

    static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fingerprint(NewReport r) {
        return String.join("|", String.valueOf(r.observedFrom()), String.valueOf(r.observedTo()), String.valueOf(r.latitude()),
                String.valueOf(r.longitude()), r.category(), String.valueOf(r.quantity()), String.valueOf(r.allegedPartyId()),
                String.valueOf(r.killedCivilian()), String.valueOf(r.killedMilitary()), String.valueOf(r.injuredCivilian()),
                String.valueOf(r.injuredMilitary()), String.valueOf(r.description()), String.valueOf(r.sources()));
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Comparator<Event> newestFirst() {
        return Comparator.comparing(Event::firstAt).reversed();
    }
}
