package org.parley.humanitarian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Languages;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Areas, organisations, needs and 4W activities of a process, and the gaps between need and reach. The
 * process's mediators and the humanitarian agencies record them; everyone may read them.
 */
@Service
@Transactional(readOnly = true)
public class Humanitarian {

    /** An admin-1 area (oblast, Crimea, Kyiv, Sevastopol; level 1) or a raion in one (level 2), by its OCHA P-code. */
    public record Area(String pcode, String isoCode, String nameEn, String nameUk, String nameRu, int level, String parentPcode) {
        public String name(Locale locale) {
            return Languages.pick(locale, nameEn, nameUk, nameRu);
        }

        /** The admin-1 area this one is or lies in. */
        public String admin1Pcode() {
            return parentPcode == null ? pcode : parentPcode;
        }
    }

    /** An admin-1 area with its raions, for choosing an area. */
    public record AreaGroup(Area area, List<Area> raions) {
    }

    public record Organisation(long id, long processId, String acronym, String name, OrganisationKind kind) {
    }

    public record NewOrganisation(@NotBlank @Size(max = 40) String acronym, @NotBlank @Size(max = 300) String name,
                                  @NotNull OrganisationKind kind) {
    }

    public record Need(long id, long processId, String areaPcode, Sector sector, long peopleInNeed, long peopleTargeted,
                       LocalDate periodStart, LocalDate periodEnd, String source) {
    }

    public record NewNeed(@NotBlank String areaPcode, @NotNull Sector sector, @NotNull Long peopleInNeed, @NotNull Long peopleTargeted,
                          @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd, @NotBlank @Size(max = 500) String source) {
    }

    public record Activity(long id, long processId, long organisationId, String organisation, Sector sector, String activity,
                           String areaPcode, LocalDate periodStart, LocalDate periodEnd, long peopleTargeted, long peopleReached,
                           Long reachedWomen, Long reachedMen, Long reachedChildren, Long reachedElderly, ActivityStatus status,
                           Long deliveryId) {
    }

    public record NewActivity(@NotNull Long organisationId, @NotNull Sector sector, @NotBlank @Size(max = 500) String activity,
                              @NotBlank String areaPcode, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                              Long peopleTargeted, @NotNull Long peopleReached, Long reachedWomen, Long reachedMen,
                              Long reachedChildren, Long reachedElderly, @NotNull ActivityStatus status) {
    }

    /** Something accepted but worth a second look, as a message code and its arguments. */
    public record Warning(String code, Object... args) {
    }

    public record Recorded(Activity activity, List<Warning> warnings) {
    }

    /** Need against reach for one area and sector; {@code coverage} is reached / in need in percent, or null without a need. */
    public record Gap(String areaPcode, Sector sector, long peopleInNeed, long peopleTargeted, long peopleReached, Integer coverage) {
        public long unmet() {
            return Math.max(0, peopleInNeed - peopleReached);
        }
    }

    /** One area's totals over the sectors shown, for the map. */
    public record AreaGap(String pcode, long peopleInNeed, long peopleTargeted, long peopleReached, Integer coverage) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    /** The areas are seed data (migrations), the same for every process and never changed by users: read once. */
    private volatile Map<String, Area> areas;

    Humanitarian(JdbcClient jdbc, Processes processes) {
        this.jdbc = jdbc;
        this.processes = processes;
    }

    // --- who may act

    /** Mediators of the process and humanitarian agencies record humanitarian data. */
    public boolean manages(long processId, Viewer viewer) {
        return viewer.is(Role.HUMANITARIAN) || processes.mediates(processId, viewer);
    }

    void requireManager(long processId, Viewer viewer) {
        processes.get(processId);
        if (!manages(processId, viewer)) {
            throw new ForbiddenException("humanitarian.error.notAgency");
        }
    }

    // --- areas

    /** Every area: each admin-1 area (by English name) followed by its raions (by English name). */
    public List<Area> areas() {
        return List.copyOf(areaByPcode().values());
    }

    public Optional<Area> area(String pcode) {
        return pcode == null ? Optional.empty() : Optional.ofNullable(areaByPcode().get(pcode.trim().toUpperCase(Locale.ROOT)));
    }

    public Map<String, Area> areaByPcode() {
        Map<String, Area> known = areas;
        if (known == null) {
            List<Area> all = jdbc.sql("SELECT pcode, iso_code, name_en, name_uk, name_ru, admin_level, parent_pcode FROM hum_area "
                            + "ORDER BY coalesce((SELECT p.name_en FROM hum_area p WHERE p.pcode = hum_area.parent_pcode), name_en), admin_level, name_en")
                    .query((rs, n) -> new Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7))).list();
            Map<String, Area> map = new LinkedHashMap<>();
            all.forEach(a -> map.put(a.pcode(), a));
            areas = known = java.util.Collections.unmodifiableMap(map);
        }
        return known;
    }

    public List<AreaGroup> areaGroups() {
        Map<String, List<Area>> raions = new LinkedHashMap<>();
        for (Area a : areas()) {
            raions.computeIfAbsent(a.admin1Pcode(), k -> new ArrayList<>());
            if (a.level() == 2) {
                raions.get(a.parentPcode()).add(a);
            }
        }
        return raions.entrySet().stream().map(e -> new AreaGroup(areaByPcode().get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    // --- organisations

    public List<Organisation> organisations(long processId) {
        processes.get(processId);
        return jdbc.sql("SELECT id, process_id, acronym, name, kind FROM hum_organisation WHERE process_id = ? ORDER BY acronym")
                .param(processId).query((rs, n) -> new Organisation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        OrganisationKind.valueOf(rs.getString(5)))).list();
    }

    public Organisation organisation(long processId, long organisationId) {
        return organisations(processId).stream().filter(o -> o.id() == organisationId).findFirst()
                .orElseThrow(() -> new NotFoundException("organisation", organisationId));
    }

    @Transactional
    public Organisation addOrganisation(long processId, NewOrganisation command, Viewer viewer) {
        requireManager(processId, viewer);
        String acronym = command.acronym().trim();
        if (organisations(processId).stream().anyMatch(o -> o.acronym().equalsIgnoreCase(acronym))) {
            throw new InvalidInputException("acronym", "humanitarian.organisation.taken", acronym);
        }
        long id = jdbc.sql("INSERT INTO hum_organisation (process_id, acronym, name, kind) VALUES (?, ?, ?, ?) RETURNING id")
                .params(processId, acronym, command.name().trim(), command.kind().name()).query(Long.class).single();
        return organisation(processId, id);
    }

    // --- needs

    public List<Need> needs(long processId) {
        processes.get(processId);
        return jdbc.sql("""
                        SELECT id, process_id, area_pcode, sector, people_in_need, people_targeted, period_start, period_end, source
                        FROM hum_need WHERE process_id = ? ORDER BY area_pcode, sector, period_start""")
                .param(processId).query((rs, n) -> new Need(rs.getLong(1), rs.getLong(2), rs.getString(3), Sector.valueOf(rs.getString(4)),
                        rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9))).list();
    }

    @Transactional
    public Need addNeed(long processId, NewNeed c, Viewer viewer) {
        requireManager(processId, viewer);
        validate(c);
        long id = jdbc.sql("""
                        INSERT INTO hum_need (process_id, area_pcode, sector, people_in_need, people_targeted, period_start, period_end, source, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.areaPcode().trim().toUpperCase(Locale.ROOT), c.sector().name(), c.peopleInNeed(), c.peopleTargeted(),
                        c.periodStart(), c.periodEnd(), c.source().trim(), viewer.accountId()).query(Long.class).single();
        return need(processId, id);
    }

    public Need need(long processId, long needId) {
        return needs(processId).stream().filter(n -> n.id() == needId).findFirst().orElseThrow(() -> new NotFoundException("need", needId));
    }

    /** Corrects a need as a whole (a new assessment replaces the figures); who changed it last is kept. */
    @Transactional
    public Need changeNeed(long processId, long needId, NewNeed c, Viewer viewer) {
        requireManager(processId, viewer);
        need(processId, needId);
        validate(c);
        jdbc.sql("""
                        UPDATE hum_need SET area_pcode = ?, sector = ?, people_in_need = ?, people_targeted = ?, period_start = ?, period_end = ?,
                                            source = ?, updated_by = ?, updated_at = now()
                        WHERE id = ? AND process_id = ?""")
                .params(c.areaPcode().trim().toUpperCase(Locale.ROOT), c.sector().name(), c.peopleInNeed(), c.peopleTargeted(), c.periodStart(),
                        c.periodEnd(), c.source().trim(), viewer.accountId(), needId, processId).update();
        return need(processId, needId);
    }

    @Transactional
    public void removeNeed(long processId, long needId, Viewer viewer) {
        requireManager(processId, viewer);
        need(processId, needId);
        jdbc.sql("DELETE FROM hum_need WHERE id = ? AND process_id = ?").params(needId, processId).update();
    }

    private void validate(NewNeed c) {
        List<FieldProblem> problems = new ArrayList<>();
        knownArea("areaPcode", c.areaPcode(), problems);
        notNegative("peopleInNeed", c.peopleInNeed(), problems);
        notNegative("peopleTargeted", c.peopleTargeted(), problems);
        if (c.peopleTargeted() != null && c.peopleInNeed() != null && c.peopleTargeted() > c.peopleInNeed()) {
            problems.add(new FieldProblem("peopleTargeted", "humanitarian.need.targetedAboveNeed"));
        }
        period("periodEnd", c.periodStart(), c.periodEnd(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    // --- activities

    private static final String ACTIVITY = """
            SELECT a.id, a.process_id, a.organisation_id, o.acronym, a.sector, a.activity, a.area_pcode, a.period_start, a.period_end,
                   a.people_targeted, a.people_reached, a.reached_women, a.reached_men, a.reached_children, a.reached_elderly, a.status, a.delivery_id
            FROM hum_activity a JOIN hum_organisation o ON o.id = a.organisation_id""";

    public List<Activity> activities(long processId, int limit) {
        processes.get(processId);
        return jdbc.sql(ACTIVITY + " WHERE a.process_id = ? ORDER BY a.id DESC LIMIT ?").params(processId, limit)
                .query((rs, n) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), Sector.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getLong(10),
                        rs.getLong(11), (Long) rs.getObject(12), (Long) rs.getObject(13), (Long) rs.getObject(14), (Long) rs.getObject(15),
                        ActivityStatus.valueOf(rs.getString(16)), (Long) rs.getObject(17))).list();
    }

    public long activityCount(long processId) {
        return jdbc.sql("SELECT coalesce(sum(activities), 0) FROM hum_activity_total WHERE process_id = ?").param(processId).query(Long.class).single();
    }

    @Transactional
    public Recorded addActivity(long processId, NewActivity c, Viewer viewer) {
        requireManager(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        validate(processId, c, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = insert(processId, c, null);
        List<Warning> warnings = new ArrayList<>();
        warnAboveNeed(processId, c.areaPcode().trim().toUpperCase(Locale.ROOT), c.sector(), warnings);
        return new Recorded(activity(processId, id), warnings);
    }

    /**
     * Corrects an activity as a whole; the running totals follow (the update trigger). An activity a delivery
     * made is corrected through its delivery, so that the two cannot disagree.
     */
    @Transactional
    public Recorded changeActivity(long processId, long activityId, NewActivity c, Viewer viewer) {
        requireManager(processId, viewer);
        Activity before = editable(processId, activityId);
        List<FieldProblem> problems = new ArrayList<>();
        validate(processId, c, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        UPDATE hum_activity SET organisation_id = ?, sector = ?, activity = ?, area_pcode = ?, period_start = ?, period_end = ?,
                               people_targeted = ?, people_reached = ?, reached_women = ?, reached_men = ?, reached_children = ?, reached_elderly = ?,
                               status = ?, updated_by = ?, updated_at = now()
                        WHERE id = ? AND process_id = ?""")
                .params(c.organisationId(), c.sector().name(), c.activity().trim(), c.areaPcode().trim().toUpperCase(Locale.ROOT), c.periodStart(),
                        c.periodEnd(), nz(c.peopleTargeted()), c.peopleReached(), c.reachedWomen(), c.reachedMen(), c.reachedChildren(),
                        c.reachedElderly(), c.status().name(), viewer.accountId(), before.id(), processId).update();
        List<Warning> warnings = new ArrayList<>();
        warnAboveNeed(processId, c.areaPcode().trim().toUpperCase(Locale.ROOT), c.sector(), warnings);
        return new Recorded(activity(processId, activityId), warnings);
    }

    @Transactional
    public void removeActivity(long processId, long activityId, Viewer viewer) {
        requireManager(processId, viewer);
        editable(processId, activityId);
        jdbc.sql("DELETE FROM hum_activity WHERE id = ? AND process_id = ?").params(activityId, processId).update();
    }

    private Activity editable(long processId, long activityId) {
        jdbc.sql("SELECT id FROM hum_activity WHERE id = ? AND process_id = ? FOR UPDATE").params(activityId, processId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("activity", activityId));
        Activity a = activity(processId, activityId);
        if (a.deliveryId() != null) {
            throw new ConflictException("humanitarian.activity.fromDelivery");
        }
        return a;
    }

    public Activity activity(long processId, long id) {
        return jdbc.sql(ACTIVITY + " WHERE a.process_id = ? AND a.id = ?").params(processId, id)
                .query((rs, n) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), Sector.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getLong(10),
                        rs.getLong(11), (Long) rs.getObject(12), (Long) rs.getObject(13), (Long) rs.getObject(14), (Long) rs.getObject(15),
                        ActivityStatus.valueOf(rs.getString(16)), (Long) rs.getObject(17))).optional()
                .orElseThrow(() -> new NotFoundException("activity", id));
    }

    /** Checks one activity; {@code prefix} names the row of an import ("row 4: "). */
    void validate(long processId, NewActivity c, String prefix, List<FieldProblem> problems) {
        if (c.organisationId() != null && organisations(processId).stream().noneMatch(o -> o.id() == c.organisationId())) {
            problems.add(new FieldProblem(prefix + "organisationId", "humanitarian.organisation.unknown", c.organisationId()));
        }
        knownArea(prefix + "areaPcode", c.areaPcode(), problems);
        notNegative(prefix + "peopleTargeted", c.peopleTargeted(), problems);
        notNegative(prefix + "peopleReached", c.peopleReached(), problems);
        notNegative(prefix + "reachedWomen", c.reachedWomen(), problems);
        notNegative(prefix + "reachedMen", c.reachedMen(), problems);
        notNegative(prefix + "reachedChildren", c.reachedChildren(), problems);
        notNegative(prefix + "reachedElderly", c.reachedElderly(), problems);
        long parts = nz(c.reachedWomen()) + nz(c.reachedMen());
        if (c.peopleReached() != null && parts > c.peopleReached()) {
            problems.add(new FieldProblem(prefix + "reachedWomen", "humanitarian.activity.partsAboveTotal"));
        }
        period(prefix + "periodEnd", c.periodStart(), c.periodEnd(), problems);
    }

    long insert(long processId, NewActivity c, Long deliveryId) {
        return jdbc.sql("""
                        INSERT INTO hum_activity (process_id, organisation_id, sector, activity, area_pcode, period_start, period_end, people_targeted,
                                                  people_reached, reached_women, reached_men, reached_children, reached_elderly, status, delivery_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.organisationId(), c.sector().name(), c.activity().trim(), c.areaPcode().trim().toUpperCase(Locale.ROOT),
                        c.periodStart(), c.periodEnd(), nz(c.peopleTargeted()), c.peopleReached(), c.reachedWomen(), c.reachedMen(),
                        c.reachedChildren(), c.reachedElderly(), c.status().name(), deliveryId).query(Long.class).single();
    }

    /**
     * Reached above the people in need of an area and sector is accepted (needs lag behind) but flagged: in the
     * raion, when it has a need of its own, and in its oblast.
     */
    void warnAboveNeed(long processId, String pcode, Sector sector, List<Warning> warnings) {
        Area area = area(pcode).orElse(null);
        if (area == null) {
            return;
        }
        List<Gap> checked = new ArrayList<>(gaps(processId, sector, 1).stream().filter(g -> g.areaPcode().equals(area.admin1Pcode())).toList());
        if (area.level() == 2) {
            checked.addAll(0, gaps(processId, sector, 2).stream().filter(g -> g.areaPcode().equals(area.pcode())).toList());
        }
        checked.stream().filter(g -> g.peopleInNeed() > 0 && g.peopleReached() > g.peopleInNeed())
                .forEach(g -> warnings.add(new Warning("humanitarian.warning.reachedAboveNeed", g.areaPcode(), sector.label(),
                        String.valueOf(g.peopleReached()), String.valueOf(g.peopleInNeed()))));
    }

    // --- gaps

    /**
     * Need against reach by area and sector, optionally for one sector. Reach comes from the running totals the
     * database keeps per area and sector, so the cost does not grow with the number of activities.
     */
    public List<Gap> gaps(long processId, Sector only) {
        return gaps(processId, only, 1);
    }

    /**
     * Need against reach at one admin level: at level 1 what was recorded for a raion counts in its oblast; at
     * level 2 only what was recorded for raions is shown, raion by raion.
     */
    public List<Gap> gaps(long processId, Sector only, int level) {
        processes.get(processId);
        record Key(String pcode, Sector sector) {
        }
        Map<String, Area> known = areaByPcode();
        java.util.function.Function<String, String> at = pcode -> {
            Area a = known.get(pcode);
            return a == null ? null : level == 1 ? a.admin1Pcode() : a.level() == 2 ? a.pcode() : null;
        };
        Map<Key, long[]> sums = new LinkedHashMap<>();
        jdbc.sql("SELECT area_pcode, sector, sum(people_in_need), sum(people_targeted) FROM hum_need WHERE process_id = ? GROUP BY 1, 2")
                .param(processId).query(rs -> {
                    String pcode = at.apply(rs.getString(1));
                    if (pcode != null) {
                        long[] v = sums.computeIfAbsent(new Key(pcode, Sector.valueOf(rs.getString(2))), k -> new long[3]);
                        v[0] += rs.getLong(3);
                        v[1] += rs.getLong(4);
                    }
                });
        jdbc.sql("SELECT area_pcode, sector, people_reached FROM hum_activity_total WHERE process_id = ? AND activities > 0")
                .param(processId).query(rs -> {
                    String pcode = at.apply(rs.getString(1));
                    if (pcode != null) {
                        long[] v = sums.computeIfAbsent(new Key(pcode, Sector.valueOf(rs.getString(2))), k -> new long[3]);
                        v[2] += rs.getLong(3);
                    }
                });
        return sums.entrySet().stream().filter(e -> only == null || e.getKey().sector() == only)
                .map(e -> new Gap(e.getKey().pcode(), e.getKey().sector(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        coverage(e.getValue()[2], e.getValue()[0])))
                .sorted(Comparator.comparing(Gap::unmet).reversed().thenComparing(Gap::areaPcode).thenComparing(Gap::sector))
                .toList();
    }

    /** The same aggregation straight from the activities, without the running totals: the benchmark's baseline. */
    List<long[]> reachedByScan(long processId) {
        return jdbc.sql("SELECT area_pcode, sector, sum(people_reached) FROM hum_activity WHERE process_id = ? GROUP BY 1, 2")
                .param(processId).query((rs, n) -> new long[]{rs.getLong(3)}).list();
    }

    public List<AreaGap> areaGaps(long processId, Sector only) {
        Map<String, long[]> byArea = new LinkedHashMap<>();
        for (Gap g : gaps(processId, only)) {
            long[] v = byArea.computeIfAbsent(g.areaPcode(), k -> new long[3]);
            v[0] += g.peopleInNeed();
            v[1] += g.peopleTargeted();
            v[2] += g.peopleReached();
        }
        return byArea.entrySet().stream().map(e -> new AreaGap(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                coverage(e.getValue()[2], e.getValue()[0]))).toList();
    }

    static Integer coverage(long reached, long inNeed) {
        return inNeed <= 0 ? null : (int) Math.min(999, Math.round(100.0 * reached / inNeed));
    }

    // --- checks shared by the services of this feature

    void knownArea(String field, String pcode, List<FieldProblem> problems) {
        if (pcode == null || pcode.isBlank()) {
            problems.add(new FieldProblem(field, "humanitarian.area.required"));
        } else if (area(pcode).isEmpty()) {
            problems.add(new FieldProblem(field, "humanitarian.area.unknown", pcode.trim()));
        }
    }

    static void notNegative(String field, Number value, List<FieldProblem> problems) {
        if (value != null && value.doubleValue() < 0) {
            problems.add(new FieldProblem(field, "humanitarian.number.negative"));
        }
    }

    static void period(String field, LocalDate start, LocalDate end, List<FieldProblem> problems) {
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem(field, "humanitarian.period.endBeforeStart"));
        }
    }

    static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
