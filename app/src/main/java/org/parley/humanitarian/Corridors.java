package org.parley.humanitarian;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Humanitarian corridors and pauses: proposed by a party's delegate or the mediator, agreed by parties one by
 * one (each agreement a public-record entry), and closed with an outcome and a reason. The PeaceRep record of
 * the corridors proposed in Ukraine in spring 2022 can be imported as they were reported.
 */
@Service
@Transactional(readOnly = true)
public class Corridors {

    /** A point of a route, in degrees (WGS 84). */
    public record Point(double latitude, double longitude) {
    }

    /** A verified event from monitoring near a corridor's route during its window, and how far from the route it was. */
    public record Incident(long eventId, String category, Instant firstAt, Instant lastAt, double latitude, double longitude, String admin1,
                           long distanceMetres) {
    }

    /**
     * A corridor with its route as points ({@code path}: as proposed, or the two end points of an imported one)
     * and the verified incidents within {@code bufferMetres} of it during the window; both are null when the
     * route has no coordinates, so no incident check is possible.
     */
    public record Corridor(long id, long processId, String sourceRef, String proposer, Long proposerPartyId, CorridorPurpose purpose,
                           String fromName, String toName, String fromRegion, String toRegion, String toCountry, Double fromLat,
                           Double fromLon, Double toLat, Double toLon, String route, List<Point> path, int bufferMetres,
                           Instant windowStart, Instant windowEnd, CorridorOutcome outcome, String outcomeReason, boolean outcomeOverride,
                           String sourceLink, List<String> agreedBy, Integer verifiedIncidents, List<Incident> incidents) {
        public boolean incidentCheckAvailable() {
            return incidents != null;
        }

        /** The end of the window the incidents are counted in: a corridor reported for a day (no end) covers that day. */
        public Instant checkedUntil() {
            return windowEnd != null ? windowEnd : windowStart.plus(Duration.ofDays(1));
        }
    }

    /**
     * A proposal. The route is {@code path} (at least the two end points, in order) or, without it, the straight
     * line between the from and to coordinates; {@code bufferMetres} is how far from it an incident still counts.
     */
    public record NewCorridor(@NotNull CorridorPurpose purpose, @NotBlank @Size(max = 200) String fromName,
                              @NotBlank @Size(max = 200) String toName, @Size(max = 2000) String route, Double fromLat, Double fromLon,
                              Double toLat, Double toLon, @NotNull Instant windowStart, @NotNull Instant windowEnd,
                              @Size(max = MAX_POINTS) List<Point> path, Integer bufferMetres) {
        public NewCorridor(CorridorPurpose purpose, String fromName, String toName, String route, Double fromLat, Double fromLon, Double toLat,
                           Double toLon, Instant windowStart, Instant windowEnd) {
            this(purpose, fromName, toName, route, fromLat, fromLon, toLat, toLon, windowStart, windowEnd, null, null);
        }
    }

    static final int MAX_POINTS = 500;
    static final int DEFAULT_BUFFER_METRES = 5_000;
    static final int MIN_BUFFER_METRES = 100;
    static final int MAX_BUFFER_METRES = 100_000;

    public record Agreement(@NotNull Boolean agreed) {
    }

    public record OutcomeChange(@NotNull CorridorOutcome outcome, @NotBlank @Size(max = 4000) String reason, Boolean override) {
        public boolean overrides() {
            return Boolean.TRUE.equals(override);
        }
    }

    public record Summary(long total, Map<CorridorOutcome, Long> byOutcome, Map<String, Long> byProposer) {
    }

    public record ImportResult(int imported, int alreadyThere) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Humanitarian humanitarian;
    private final PublicRecord record;
    private final CorridorIncidents incidents;
    private final Clock clock;

    Corridors(JdbcClient jdbc, Processes processes, Humanitarian humanitarian, PublicRecord record, CorridorIncidents incidents, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.humanitarian = humanitarian;
        this.record = record;
        this.incidents = incidents;
        this.clock = clock;
    }

    public List<Corridor> corridors(long processId, CorridorOutcome outcome, int limit) {
        processes.get(processId);
        List<Long> ids = jdbc.sql("SELECT id FROM hum_corridor WHERE process_id = ? AND (?::text IS NULL OR outcome = ?) "
                        + "ORDER BY window_start DESC, id DESC LIMIT ?")
                .params(processId, outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name(), limit)
                .query(Long.class).list();
        return ids.stream().map(id -> load(processId, id)).toList();
    }

    public Corridor corridor(long processId, long corridorId) {
        processes.get(processId);
        return load(processId, corridorId);
    }

    public Summary summary(long processId) {
        processes.get(processId);
        Map<CorridorOutcome, Long> byOutcome = new LinkedHashMap<>();
        for (CorridorOutcome o : CorridorOutcome.values()) {
            byOutcome.put(o, 0L);
        }
        jdbc.sql("SELECT outcome, count(*) FROM hum_corridor WHERE process_id = ? GROUP BY 1").param(processId)
                .query(rs -> {
                    byOutcome.put(CorridorOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Map<String, Long> byProposer = new LinkedHashMap<>();
        jdbc.sql("SELECT proposer, count(*) FROM hum_corridor WHERE process_id = ? GROUP BY 1 ORDER BY 2 DESC, 1").param(processId)
                .query(rs -> {
                    byProposer.put(rs.getString(1), rs.getLong(2));
                });
        return new Summary(byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome, byProposer);
    }

    /** A delegate proposes for their party; a mediator of the process for the mediation. */
    @Transactional
    public Corridor propose(long processId, NewCorridor c, Viewer viewer) {
        processes.get(processId);
        String proposer;
        Long partyId = null;
        if (viewer.is(Role.DELEGATE) && viewer.partyId() != null) {
            Party p = processes.parties(processId).stream().filter(x -> x.id() == viewer.partyId()).findFirst()
                    .orElseThrow(() -> new ForbiddenException("humanitarian.corridor.notYourProcess"));
            proposer = p.shortName();
            partyId = p.id();
        } else if (processes.mediates(processId, viewer)) {
            proposer = "Mediator";
        } else {
            throw new ForbiddenException("humanitarian.corridor.proposers");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (c.windowEnd().isBefore(c.windowStart()) || c.windowEnd().equals(c.windowStart())) {
            problems.add(new FieldProblem("windowEnd", "humanitarian.window.endBeforeStart"));
        }
        coordinate("fromLat", c.fromLat(), 90, problems);
        coordinate("toLat", c.toLat(), 90, problems);
        coordinate("fromLon", c.fromLon(), 180, problems);
        coordinate("toLon", c.toLon(), 180, problems);
        List<Point> path = c.path() == null ? List.of() : c.path();
        for (int i = 0; i < path.size(); i++) {
            Point p = path.get(i);
            if (p == null || Double.isNaN(p.latitude()) || Double.isNaN(p.longitude()) || Math.abs(p.latitude()) > 90 || Math.abs(p.longitude()) > 180) {
                problems.add(new FieldProblem("path[" + i + "]", "humanitarian.corridor.pathPoint", i + 1));
            }
        }
        if (path.size() == 1) {
            problems.add(new FieldProblem("path", "humanitarian.corridor.pathTwoPoints"));
        } else if (path.size() > MAX_POINTS) {
            problems.add(new FieldProblem("path", "humanitarian.corridor.pathTooLong", MAX_POINTS));
        }
        int buffer = c.bufferMetres() == null ? DEFAULT_BUFFER_METRES : c.bufferMetres();
        if (buffer < MIN_BUFFER_METRES || buffer > MAX_BUFFER_METRES) {
            problems.add(new FieldProblem("bufferMetres", "humanitarian.corridor.bufferRange", MIN_BUFFER_METRES, MAX_BUFFER_METRES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Without its own coordinates, a corridor takes its end points from the ends of its path.
        Double fromLat = c.fromLat() != null || path.isEmpty() ? c.fromLat() : (Double) path.getFirst().latitude();
        Double fromLon = c.fromLon() != null || path.isEmpty() ? c.fromLon() : (Double) path.getFirst().longitude();
        Double toLat = c.toLat() != null || path.isEmpty() ? c.toLat() : (Double) path.getLast().latitude();
        Double toLon = c.toLon() != null || path.isEmpty() ? c.toLon() : (Double) path.getLast().longitude();
        Double[] flat = path.stream().flatMap(p -> java.util.stream.Stream.of(p.latitude(), p.longitude())).toArray(Double[]::new);
        long id = jdbc.sql("""
                        INSERT INTO hum_corridor (process_id, proposer, proposer_party_id, purpose, from_name, to_name, route, from_lat, from_lon,
                                                  to_lat, to_lon, window_start, window_end, outcome, route_path, buffer_m)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNKNOWN', ?, ?) RETURNING id""")
                .params(processId, proposer, partyId, c.purpose().name(), c.fromName().trim(), c.toName().trim(), Deliveries.blankToNull(c.route()),
                        fromLat, fromLon, toLat, toLon, Deliveries.utc(c.windowStart()), Deliveries.utc(c.windowEnd()),
                        flat.length == 0 ? null : flat, buffer)
                .query(Long.class).single();
        if (partyId != null) {
            agreeAs(processId, id, partyId, proposer, viewer); // proposing is agreeing
        }
        return load(processId, id);
    }

    /** A delegate records their party's agreement; it goes on the public record. */
    @Transactional
    public Corridor agree(long processId, long corridorId, Agreement a, Viewer viewer) {
        processes.get(processId);
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null) {
            throw new ForbiddenException("humanitarian.corridor.delegatesOnly");
        }
        Party p = processes.parties(processId).stream().filter(x -> x.id() == viewer.partyId()).findFirst()
                .orElseThrow(() -> new ForbiddenException("humanitarian.corridor.notYourProcess"));
        Corridor c = load(processId, corridorId);
        if (!Boolean.TRUE.equals(a.agreed())) {
            throw new InvalidInputException("agreed", "humanitarian.corridor.agreeRequired");
        }
        if (c.agreedBy().contains(p.shortName())) {
            throw new ConflictException("humanitarian.corridor.alreadyAgreed");
        }
        agreeAs(processId, corridorId, p.id(), p.shortName(), viewer);
        return load(processId, corridorId);
    }

    private void agreeAs(long processId, long corridorId, long partyId, String shortName, Viewer viewer) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO hum_corridor_party (corridor_id, party_id, agreed_at, account_id) VALUES (?, ?, ?, ?)")
                .params(corridorId, partyId, Deliveries.utc(now), viewer.accountId()).update();
        Corridor c = load(processId, corridorId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("party", shortName);
        data.put("purpose", c.purpose().name());
        data.put("from", c.fromName());
        data.put("to", c.toName());
        data.put("windowStart", c.windowStart().toString());
        data.put("windowEnd", c.windowEnd() == null ? null : c.windowEnd().toString());
        data.put("agreedBy", c.agreedBy());
        record.append(Fact.of("corridor.agreed", processId, "corridor/" + corridorId, now, viewer.role().name(), data));
    }

    @Transactional
    public Corridor recordOutcome(long processId, long corridorId, OutcomeChange change, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        Corridor c = load(processId, corridorId);
        CorridorOutcomePolicy.check(change.outcome(), c.verifiedIncidents(), change.overrides(), change.reason());
        boolean overridden = CorridorOutcomePolicy.isOverride(change.outcome(), c.verifiedIncidents(), change.overrides());
        jdbc.sql("UPDATE hum_corridor SET outcome = ?, outcome_reason = ?, outcome_override = ? WHERE id = ?")
                .params(change.outcome().name(), change.reason().trim(), overridden, corridorId).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", c.outcome().name());
        data.put("to", change.outcome().name());
        data.put("override", overridden);
        data.put("verifiedIncidents", c.verifiedIncidents());
        data.put("incidentEvents", c.incidents() == null ? null : c.incidents().stream().map(Incident::eventId).toList());
        data.put("reasonSha256", sha256(change.reason().trim()));
        record.append(Fact.of("corridor.outcome", processId, "corridor/" + corridorId, clock.instant(), viewer.role().name(), data));
        return load(processId, corridorId);
    }

    /**
     * Imports PeaceRep's humanitarian-corridors CSV as it was reported: proposer (Ukraine, Russia, Agreed),
     * outcome, end points with their regions and coordinates, the day, and the source. Rows already imported
     * (by HC_ID) are left alone, so an import can be repeated. All or nothing.
     */
    @Transactional
    public ImportResult importPeaceRep(long processId, Reader csv, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Map<String, Long> partyByName = new LinkedHashMap<>();
        for (Party p : processes.parties(processId)) {
            if (p.shortName().equals("UA")) {
                partyByName.put("Ukraine", p.id());
            } else if (p.shortName().equals("RU")) {
                partyByName.put("Russia", p.id());
            }
        }
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            rows = parser.getRecords();
            Set<String> needed = Set.of("HC_ID", "date", "proposal", "status_result", "From", "from_name", "To", "to_name");
            List<FieldProblem> missing = needed.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).sorted()
                    .map(h -> new FieldProblem(h, "humanitarian.csv.missingColumn", h)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "humanitarian.csv.unreadable");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (CSVRecord r : rows) {
            String row = "row " + (r.getRecordNumber() + 1) + " ";
            CorridorOutcome outcome = null;
            try {
                outcome = CorridorOutcome.ofSource(r.get("status_result"));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(row + "status_result", "humanitarian.corridor.sourceOutcome", r.get("status_result")));
            }
            LocalDate day = null;
            try {
                day = LocalDate.parse(r.get("date").trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(row + "date", "humanitarian.hxl.date", r.get("date")));
            }
            String proposer = r.get("proposal").trim();
            if (proposer.isEmpty()) {
                problems.add(new FieldProblem(row + "proposal", "humanitarian.hxl.required"));
            }
            if (outcome == null || day == null || proposer.isEmpty()) {
                continue;
            }
            inserts.add(new Object[]{processId, "PeaceRep HC " + r.get("HC_ID").trim(), proposer, partyByName.get(proposer),
                    CorridorPurpose.EVACUATION.name(), cut(first(r.get("from_name"), r.get("From")), 200),
                    cut(first(r.get("to_name"), r.get("To")), 200), blank(get(r, "from_adm1_name")), blank(get(r, "to_adm1_name")),
                    blank(get(r, "to_country_code")), number(get(r, "from_latitude")), number(get(r, "from_longitude")),
                    number(get(r, "to_latitude")), number(get(r, "to_longitude")), day.atStartOfDay().atOffset(ZoneOffset.UTC),
                    outcome.name(), blank(get(r, "status_extra")), cut(blank(get(r, "Link")), 2000)});
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() > 200 ? problems.subList(0, 200) : problems);
        }
        int imported = 0;
        for (Object[] row : inserts) {
            imported += jdbc.sql("""
                            INSERT INTO hum_corridor (process_id, source_ref, proposer, proposer_party_id, purpose, from_name, to_name, from_region,
                                                      to_region, to_country, from_lat, from_lon, to_lat, to_lon, window_start, outcome,
                                                      outcome_reason, source_link)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (process_id, source_ref) DO NOTHING""")
                    .params(row).update();
        }
        return new ImportResult(imported, inserts.size() - imported);
    }

    @Transactional
    public ImportResult importPeaceRep(long processId, String csv, Viewer viewer) {
        return importPeaceRep(processId, new StringReader(csv == null ? "" : csv), viewer);
    }

    // --- helpers

    private Corridor load(long processId, long id) {
        List<String> agreed = jdbc.sql("""
                        SELECT p.short_name FROM hum_corridor_party cp JOIN party p ON p.id = cp.party_id WHERE cp.corridor_id = ? ORDER BY cp.agreed_at, p.short_name""")
                .param(id).query(String.class).list();
        Corridor c = jdbc.sql("""
                        SELECT id, process_id, source_ref, proposer, proposer_party_id, purpose, from_name, to_name, from_region, to_region, to_country,
                               from_lat, from_lon, to_lat, to_lon, route, window_start, window_end, outcome, outcome_reason, outcome_override, source_link,
                               route_path, buffer_m
                        FROM hum_corridor WHERE id = ? AND process_id = ?""")
                .params(id, processId).query((rs, n) -> {
                    Double fromLat = (Double) rs.getObject(12), fromLon = (Double) rs.getObject(13);
                    Double toLat = (Double) rs.getObject(14), toLon = (Double) rs.getObject(15);
                    List<Point> path = path(rs.getArray(23), fromLat, fromLon, toLat, toLon);
                    return new Corridor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), CorridorPurpose.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), fromLat, fromLon, toLat, toLon, rs.getString(16), path, rs.getInt(24),
                            Deliveries.instant(rs.getObject(17, OffsetDateTime.class)), Deliveries.instant(rs.getObject(18, OffsetDateTime.class)),
                            CorridorOutcome.valueOf(rs.getString(19)), rs.getString(20), rs.getBoolean(21), rs.getString(22), agreed, null, null);
                }).optional()
                .orElseThrow(() -> new NotFoundException("corridor", id));
        if (c.path().isEmpty()) {
            return c;
        }
        List<Incident> near = incidents.near(processId, c.path(), c.bufferMetres(), c.windowStart(), c.checkedUntil());
        return new Corridor(c.id(), c.processId(), c.sourceRef(), c.proposer(), c.proposerPartyId(), c.purpose(), c.fromName(), c.toName(),
                c.fromRegion(), c.toRegion(), c.toCountry(), c.fromLat(), c.fromLon(), c.toLat(), c.toLon(), c.route(), c.path(), c.bufferMetres(),
                c.windowStart(), c.windowEnd(), c.outcome(), c.outcomeReason(), c.outcomeOverride(), c.sourceLink(), c.agreedBy(), near.size(), near);
    }

    /** The stored route ({latitude, longitude} pairs, flat), or else the end points that are known. */
    private static List<Point> path(java.sql.Array stored, Double fromLat, Double fromLon, Double toLat, Double toLon) throws java.sql.SQLException {
        List<Point> path = new ArrayList<>();
        if (stored != null) {
            Object[] values = (Object[]) stored.getArray();
            for (int i = 0; i + 1 < values.length; i += 2) {
                path.add(new Point(((Number) values[i]).doubleValue(), ((Number) values[i + 1]).doubleValue()));
            }
            return path;
        }
        if (fromLat != null && fromLon != null) {
            path.add(new Point(fromLat, fromLon));
        }
        if (toLat != null && toLon != null) {
            path.add(new Point(toLat, toLon));
        }
        return path;
    }

    private static void coordinate(String field, Double v, double max, List<FieldProblem> problems) {
        if (v != null && (v.isNaN() || Math.abs(v) > max)) {
            problems.add(new FieldProblem(field, "humanitarian.corridor.coordinate"));
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b == null ? "" : b.trim();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
