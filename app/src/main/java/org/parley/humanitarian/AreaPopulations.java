package org.parley.humanitarian;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The population of each area as a process sees it: a coordinator's figure for the process where there is one,
 * otherwise the seeded one (official statistics, see V44). Figures are superseded, never overwritten, so every
 * earlier figure stays with who entered it and when. Changes go through {@link Humanitarian}, which checks who
 * may make them.
 */
@Component
class AreaPopulations {

    /** A population figure with where it comes from; {@code seeded} when it is the migration's, not a coordinator's. */
    public record AreaPopulation(String areaPcode, long population, LocalDate referenceDate, String source, String sourceUrl, String licence,
                                 boolean seeded, String enteredBy, Instant enteredAt, Instant supersededAt) {
    }

    public record NewPopulation(@NotNull Long population, @NotNull LocalDate referenceDate, @NotBlank @Size(max = 500) String source,
                                @Size(max = 500) String sourceUrl, @NotBlank @Size(max = 300) String licence) {
    }

    private static final String SELECT = """
            SELECT p.area_pcode, p.population, p.reference_date, p.source, p.source_url, p.licence, p.process_id IS NULL,
                   a.display_name, p.entered_at, p.superseded_at
            FROM hum_area_population p LEFT JOIN account a ON a.id = p.entered_by""";

    private final JdbcClient jdbc;

    AreaPopulations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current figure of every area that has one, for this process: its own where entered, else the seed. */
    Map<String, AreaPopulation> current(long processId) {
        Map<String, AreaPopulation> byArea = new LinkedHashMap<>();
        // Seed rows first, the process's own after them, so that its own replace the seed in the map.
        jdbc.sql(SELECT + " WHERE p.superseded_at IS NULL AND (p.process_id IS NULL OR p.process_id = ?) ORDER BY p.process_id NULLS FIRST, p.area_pcode")
                .param(processId).query((rs, n) -> row(rs)).list().forEach(p -> byArea.put(p.areaPcode(), p));
        return byArea;
    }

    /** Every figure the area has had for this process, the seed's included, newest first. */
    List<AreaPopulation> history(long processId, String pcode) {
        return jdbc.sql(SELECT + " WHERE p.area_pcode = ? AND (p.process_id IS NULL OR p.process_id = ?) ORDER BY p.entered_at DESC, p.id DESC")
                .params(pcode, processId).query((rs, n) -> row(rs)).list();
    }

    /** Supersedes the process's current figure for the area (if any) with a new one, in the caller's transaction. */
    void record(long processId, String pcode, NewPopulation c, long accountId) {
        jdbc.sql("""
                        UPDATE hum_area_population SET superseded_at = now(), superseded_by = ?
                        WHERE process_id = ? AND area_pcode = ? AND superseded_at IS NULL""")
                .params(accountId, processId, pcode).update();
        jdbc.sql("""
                        INSERT INTO hum_area_population (process_id, area_pcode, population, reference_date, source, source_url, licence, entered_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processId, pcode, c.population(), c.referenceDate(), c.source().trim(), blankToNull(c.sourceUrl()), c.licence().trim(),
                        accountId).update();
    }

    private static AreaPopulation row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime superseded = rs.getObject(10, OffsetDateTime.class);
        return new AreaPopulation(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                superseded == null ? null : superseded.toInstant());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
