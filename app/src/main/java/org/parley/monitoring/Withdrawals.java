package org.parley.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Withdrawal verification. A party declares its holdings of a weapon class at storage sites; a mediator sets
 * withdrawal zones (within a distance of the contact line, per weapon class); observers record sightings. A
 * sighting inside a zone in force for its class, or fewer weapons at a declared site than declared, is a
 * discrepancy, and goes on the public record (without coordinates: storage sites are confidential to the
 * declaring party, the mediators and the observers).
 */
@Service
@Transactional(readOnly = true)
public class Withdrawals {

    public record NewSite(String name, WeaponClass weaponClass, Integer declaredCount, Double latitude, Double longitude) {
    }

    public record Site(long id, long processId, long partyId, String name, WeaponClass weaponClass, int declaredCount, double latitude,
                       double longitude, Instant declaredAt) {
    }

    public record NewZone(String name, WeaponClass weaponClass, List<List<Double>> line, Double distanceKm, Instant startsAt) {
    }

    public record Zone(long id, long processId, String name, WeaponClass weaponClass, List<List<Double>> line, double distanceKm, Instant startsAt) {
    }

    public record NewSighting(WeaponClass weaponClass, Integer count, Double latitude, Double longitude, Instant observedAt, Long siteId,
                              Long partyId, String note) {
    }

    public record Sighting(long id, long processId, String observerName, WeaponClass weaponClass, int count, double latitude, double longitude,
                           Instant observedAt, Long siteId, Long partyId, String note, String discrepancy, Long zoneId, Integer missing) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Processes processes;
    private final Observers observers;
    private final PublicRecord record;
    private final Clock clock;
    private final GeometryFactory factory = new GeometryFactory();

    Withdrawals(JdbcClient jdbc, Processes processes, Observers observers, PublicRecord record, Clock clock) {
        this.jdbc = jdbc;
        this.observers = observers;
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    private boolean seesAll(long processId, Viewer viewer) {
        return observers.serves(processId, viewer) || processes.mediates(processId, viewer);
    }

    // --- sites

    @Transactional
    public Site declareSite(long processId, NewSite s, Viewer viewer) {
        processes.get(processId);
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null
                || processes.parties(processId).stream().noneMatch(p -> p.id() == viewer.partyId())) {
            throw new ForbiddenException("monitoring.error.delegatesOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > Monitoring.MAX_SHORT) {
            problems.add(new FieldProblem("name", "monitoring.site.name"));
        }
        if (s.weaponClass() == null) {
            problems.add(new FieldProblem("weaponClass", "monitoring.weaponClass.required"));
        }
        if (s.declaredCount() == null || s.declaredCount() < 0 || s.declaredCount() > Monitoring.MAX_COUNT) {
            problems.add(new FieldProblem("declaredCount", "monitoring.count.invalid"));
        }
        position(problems, s.latitude(), s.longitude());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("INSERT INTO monitoring_weapon_site (process_id, party_id, name, weapon_class, declared_count, latitude, longitude, "
                        + "declared_by, declared_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")
                .params(processId, viewer.partyId(), s.name().strip(), s.weaponClass().name(), s.declaredCount(), s.latitude(), s.longitude(),
                        viewer.accountId(), MonitoringStore.ts(now)).query(Long.class).single();
        record.append(Fact.of("monitoring.holding_declared", processId, "weapon-site/" + id, now, Role.DELEGATE.name(), Monitoring.data(
                "party", processes.party(processId, viewer.partyId()).shortName(), "weaponClass", s.weaponClass().name(),
                "declaredCount", s.declaredCount(), "siteSha256", Monitoring.sha256(s.name().strip() + "|" + s.latitude() + "|" + s.longitude()))));
        return site(id).orElseThrow();
    }

    public List<Site> sites(long processId, Viewer viewer) {
        processes.get(processId);
        if (seesAll(processId, viewer)) {
            return jdbc.sql("SELECT * FROM monitoring_weapon_site WHERE process_id = ? ORDER BY id").param(processId).query(SITE).list();
        }
        if (viewer.is(Role.DELEGATE) && viewer.partyId() != null) {
            return jdbc.sql("SELECT * FROM monitoring_weapon_site WHERE process_id = ? AND party_id = ? ORDER BY id").params(processId, viewer.partyId())
                    .query(SITE).list();
        }
        throw new ForbiddenException("monitoring.error.observersOnly");
    }

    private java.util.Optional<Site> site(long id) {
        return jdbc.sql("SELECT * FROM monitoring_weapon_site WHERE id = ?").param(id).query(SITE).optional();
    }

    static final RowMapper<Site> SITE = (rs, n) -> new Site(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("party_id"), rs.getString("name"),
            WeaponClass.valueOf(rs.getString("weapon_class")), rs.getInt("declared_count"), rs.getDouble("latitude"), rs.getDouble("longitude"),
            MonitoringStore.instant(rs, "declared_at"));

    // --- zones

    @Transactional
    public Zone defineZone(long processId, NewZone z, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (z.name() == null || z.name().isBlank() || z.name().length() > Monitoring.MAX_SHORT) {
            problems.add(new FieldProblem("name", "monitoring.ceasefire.name"));
        }
        if (z.weaponClass() == null) {
            problems.add(new FieldProblem("weaponClass", "monitoring.weaponClass.required"));
        }
        List<List<Double>> line = z.line() == null ? List.of() : z.line();
        if (line.size() < 2 || !line.stream().allMatch(p -> p != null && p.size() == 2 && p.get(0) != null && p.get(1) != null
                && Math.abs(p.get(0)) <= 180 && Math.abs(p.get(1)) <= 90)) {
            problems.add(new FieldProblem("line", "monitoring.ceasefire.line"));
        }
        if (z.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "monitoring.time.required"));
        }
        double km = z.distanceKm() != null ? z.distanceKm() : z.weaponClass() != null ? z.weaponClass().defaultKm() : 0;
        if (km <= 0 || km > 500) {
            problems.add(new FieldProblem("distanceKm", "monitoring.ceasefire.buffer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("INSERT INTO monitoring_withdrawal_zone (process_id, name, weapon_class, line, distance_km, starts_at) "
                        + "VALUES (?,?,?,?,?,?) RETURNING id")
                .params(processId, z.name().strip(), z.weaponClass().name(), JSON.writeValueAsString(line), km, MonitoringStore.ts(z.startsAt()))
                .query(Long.class).single();
        record.append(Fact.of("monitoring.withdrawal_zone_defined", processId, "withdrawal-zone/" + id, now, Role.MEDIATOR.name(), Monitoring.data(
                "name", z.name().strip(), "weaponClass", z.weaponClass().name(), "distanceKm", km, "startsAt", z.startsAt().toString(),
                "lineSha256", Monitoring.sha256(line.toString()))));
        return zones(processId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public List<Zone> zones(long processId) {
        processes.get(processId);
        return jdbc.sql("SELECT * FROM monitoring_withdrawal_zone WHERE process_id = ? ORDER BY id").param(processId)
                .query((rs, n) -> new Zone(rs.getLong("id"), rs.getLong("process_id"), rs.getString("name"), WeaponClass.valueOf(rs.getString("weapon_class")),
                        JSON.readValue(rs.getString("line"), new TypeReference<List<List<Double>>>() {
                        }), rs.getDouble("distance_km"), MonitoringStore.instant(rs, "starts_at"))).list();
    }

    // --- sightings

    @Transactional
    public Sighting recordSighting(long processId, NewSighting s, Viewer viewer) {
        processes.get(processId);
        if (!observers.serves(processId, viewer)) {
            throw new ForbiddenException(viewer.is(Role.OBSERVER) ? "monitoring.error.notServing" : "monitoring.error.observersOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (s.weaponClass() == null) {
            problems.add(new FieldProblem("weaponClass", "monitoring.weaponClass.required"));
        }
        if (s.count() == null || s.count() < 0 || s.count() > Monitoring.MAX_COUNT) {
            problems.add(new FieldProblem("count", "monitoring.count.invalid"));
        }
        position(problems, s.latitude(), s.longitude());
        Instant now = clock.instant();
        if (s.observedAt() == null) {
            problems.add(new FieldProblem("observedAt", "monitoring.time.required"));
        } else if (s.observedAt().isAfter(now.plus(Duration.ofMinutes(10)))) {
            problems.add(new FieldProblem("observedAt", "monitoring.time.future"));
        }
        Site site = null;
        if (s.siteId() != null) {
            site = site(s.siteId()).filter(x -> x.processId() == processId).orElse(null);
            if (site == null) {
                problems.add(new FieldProblem("siteId", "monitoring.site.unknown"));
            } else if (s.weaponClass() != null && site.weaponClass() != s.weaponClass()) {
                problems.add(new FieldProblem("weaponClass", "monitoring.site.otherClass"));
            }
        }
        if (s.partyId() != null && processes.parties(processId).stream().noneMatch(p -> p.id() == s.partyId())) {
            problems.add(new FieldProblem("partyId", "party.notInProcess", s.partyId()));
        }
        if (s.note() != null && s.note().length() > Monitoring.MAX_TEXT) {
            problems.add(new FieldProblem("note", "monitoring.text.tooLong", Monitoring.MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String discrepancy = null;
        Long zoneId = null;
        Integer missing = null;
        Long party = site != null ? Long.valueOf(site.partyId()) : s.partyId();
        if (site != null && s.count() < site.declaredCount()) {
            discrepancy = "MISSING_FROM_SITE";
            missing = site.declaredCount() - s.count();
        } else if (site == null) {
            for (Zone z : zones(processId)) {
                if (z.weaponClass() == s.weaponClass() && !s.observedAt().isBefore(z.startsAt())
                        && distanceKm(z.line(), s.latitude(), s.longitude()) <= z.distanceKm()) {
                    discrepancy = "IN_RESTRICTED_ZONE";
                    zoneId = z.id();
                    break;
                }
            }
        }
        long id = jdbc.sql("INSERT INTO monitoring_sighting (process_id, observer, observer_name, weapon_class, seen_count, latitude, longitude, "
                        + "observed_at, site_id, party_id, note, discrepancy, zone_id, missing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")
                .params(processId, viewer.accountId(), viewer.displayName(), s.weaponClass().name(), s.count(), s.latitude(), s.longitude(),
                        MonitoringStore.ts(s.observedAt()), s.siteId(), party, MonitoringStore.blankToNull(s.note()), discrepancy, zoneId, missing)
                .query(Long.class).single();
        if (discrepancy != null) {
            record.append(Fact.of("monitoring.withdrawal_discrepancy", processId, "sighting/" + id, now, Role.OBSERVER.name(), Monitoring.data(
                    "kind", discrepancy, "weaponClass", s.weaponClass().name(), "count", s.count(), "missing", missing, "zone", zoneId,
                    "site", s.siteId(), "party", party == null ? null : processes.party(processId, party).shortName(),
                    "observedAt", s.observedAt().toString())));
        }
        return sightings(processId, viewer).stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new NotFoundException("sighting", id));
    }

    public List<Sighting> sightings(long processId, Viewer viewer) {
        processes.get(processId);
        if (!seesAll(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.observersOnly");
        }
        return jdbc.sql("SELECT * FROM monitoring_sighting WHERE process_id = ? ORDER BY observed_at DESC, id DESC").param(processId)
                .query((rs, n) -> new Sighting(rs.getLong("id"), rs.getLong("process_id"), rs.getString("observer_name"),
                        WeaponClass.valueOf(rs.getString("weapon_class")), rs.getInt("seen_count"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                        MonitoringStore.instant(rs, "observed_at"), MonitoringStore.longOrNull(rs, "site_id"), MonitoringStore.longOrNull(rs, "party_id"),
                        rs.getString("note"), rs.getString("discrepancy"), MonitoringStore.longOrNull(rs, "zone_id"), MonitoringStore.intOrNull(rs, "missing")))
                .list();
    }

    /** The discrepancies found, without coordinates: public, as on the record. */
    public record Discrepancy(long sightingId, String kind, WeaponClass weaponClass, int count, Integer missing, Long partyId, Long zoneId,
                              Instant observedAt) {
    }

    public List<Discrepancy> discrepancies(long processId) {
        processes.get(processId);
        return jdbc.sql("SELECT id, discrepancy, weapon_class, seen_count, missing, party_id, zone_id, observed_at FROM monitoring_sighting "
                        + "WHERE process_id = ? AND discrepancy IS NOT NULL ORDER BY observed_at DESC, id DESC").param(processId)
                .query((rs, n) -> new Discrepancy(rs.getLong(1), rs.getString(2), WeaponClass.valueOf(rs.getString(3)), rs.getInt(4),
                        MonitoringStore.intOrNull(rs, "missing"), MonitoringStore.longOrNull(rs, "party_id"), MonitoringStore.longOrNull(rs, "zone_id"),
                        MonitoringStore.instant(rs, "observed_at"))).list();
    }

    private static void position(List<FieldProblem> problems, Double lat, Double lon) {
        if (lat == null || lat.isNaN() || lat < -90 || lat > 90) {
            problems.add(new FieldProblem("latitude", "monitoring.latitude.range"));
        }
        if (lon == null || lon.isNaN() || lon < -180 || lon > 180) {
            problems.add(new FieldProblem("longitude", "monitoring.longitude.range"));
        }
    }

    /** Distance in km from a point to a line, in a local equirectangular projection around the point. */
    double distanceKm(List<List<Double>> line, double latitude, double longitude) {
        double kx = 111.320 * Math.cos(Math.toRadians(latitude));
        double ky = 110.574;
        Coordinate[] cs = line.stream().map(p -> new Coordinate((p.get(0) - longitude) * kx, (p.get(1) - latitude) * ky)).toArray(Coordinate[]::new);
        return factory.createLineString(cs).distance(factory.createPoint(new Coordinate(0, 0)));
    }

    static boolean same(Long a, Long b) {
        return Objects.equals(a, b);
    }
}
