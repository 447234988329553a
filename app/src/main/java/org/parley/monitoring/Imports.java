package org.parley.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports outside sources' event files, UCDP GED CSV and ACLED-format CSV, as {@link OutsideReport}s: a table of
 * their own, never mixed with observers' reports or events. The rows go from the parser straight into
 * monitoring_outside_report by one binary COPY (no staging table, no per-row SQL, no text for the server to parse),
 * all in one transaction (a file is in, or not at all); rows that cannot be read are reported by row number and
 * the rest imported; a row already imported (same source and id) is counted as a duplicate, not added twice.
 * Progress is committed apart, every few thousand rows, so a client can watch a large file go in.
 */
@Service
public class Imports {

    public enum Format { UCDP_GED, ACLED }

    static final int MAX_ERRORS_KEPT = 10_000;
    static final int PROGRESS_EVERY = 5_000;
    /** UCDP's export mixes "1/22/2014 12:00:00 AM" and "05/02/2014 00:00" (month first in both). */
    private static final List<DateTimeFormatter> UCDP_TIMES = List.of(DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ENGLISH), DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.ENGLISH));
    private static final DateTimeFormatter ACLED_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;
    private final Processes processes;
    private final PublicRecord record;
    private final Clock clock;
    private final Categories categories;
    private final Observers observers;

    Imports(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager tm, Processes processes, PublicRecord record, Clock clock,
            Categories categories, Observers observers) {
        this.categories = categories;
        this.observers = observers;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(tm);
        this.progressTx = new TransactionTemplate(tm);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    /** A row as it goes into monitoring_report. */
    record Row(String externalId, Instant from, Instant to, double latitude, double longitude, Integer precisionM, String place,
               String admin1, String admin2, Category category, Integer killedCivilian, Integer killedMilitary, Integer deathsBest,
               String sources, String description, Long partyHint) {
    }

    public boolean mayImport(long processId, Viewer viewer) {
        return observers.serves(processId, viewer) || processes.mediates(processId, viewer);
    }

    /** Imports a file; returns its report. Bad rows are listed, not fatal; a file with no readable header is refused. */
    public ImportResult importCsv(long processId, Format format, String fileName, InputStream in, Viewer viewer) {
        processes.get(processId);
        if (!mayImport(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.importersOnly");
        }
        if (format == null) {
            throw new InvalidInputException("format", "monitoring.import.format");
        }
        long importId = begin(processId, format, fileName, viewer);
        execute(importId, processId, format, in, viewer);
        return result(processId, importId, viewer);
    }

    /**
     * Starts importing a file saved at {@code file} on a thread of its own and returns the import's id at once, for a
     * page that shows the progress ({@link #result}); the file is deleted when done. Refusals (role, format) come
     * at once; a file that cannot be read ends as FAILED with its reason as row 0 of the error report.
     */
    public long startImport(long processId, Format format, String fileName, java.nio.file.Path file, Viewer viewer) {
        processes.get(processId);
        if (!mayImport(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.importersOnly");
        }
        if (format == null) {
            throw new InvalidInputException("format", "monitoring.import.format");
        }
        long importId = begin(processId, format, fileName, viewer);
        Thread.ofVirtual().name("monitoring-import-" + importId).start(() -> {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                execute(importId, processId, format, in, viewer);
            } catch (InvalidInputException e) {
                String why = e.problems().isEmpty() ? "unreadable" : e.problems().getFirst().code() + " "
                        + java.util.Arrays.toString(e.problems().getFirst().args());
                progressTx.executeWithoutResult(s -> jdbc.sql("INSERT INTO monitoring_import_error (import_id, row_number, message) VALUES (?, 0, ?) "
                        + "ON CONFLICT DO NOTHING").params(importId, why).update());
            } catch (Exception e) {
                progressTx.executeWithoutResult(s -> jdbc.sql("INSERT INTO monitoring_import_error (import_id, row_number, message) VALUES (?, 0, ?) "
                        + "ON CONFLICT DO NOTHING").params(importId, "the import failed").update());
            } finally {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file; the system cleans it up
                }
            }
        });
        return importId;
    }

    private long begin(long processId, Format format, String fileName, Viewer viewer) {
        Instant started = clock.instant();
        return progressTx.execute(s -> jdbc.sql("INSERT INTO monitoring_import (process_id, format, file_name, sha256, account_id, status, started_at) "
                        + "VALUES (?,?,?,?,?,'RUNNING',?) RETURNING id")
                .params(processId, format.name(), fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName, "",
                        viewer.accountId(), MonitoringStore.ts(started)).query(Long.class).single());
    }

    private void execute(long importId, long processId, Format format, InputStream in, Viewer viewer) {
        try {
            tx.executeWithoutResult(s -> run(importId, processId, format, in, viewer));
        } catch (RuntimeException e) {
            progressTx.executeWithoutResult(s -> jdbc.sql("UPDATE monitoring_import SET status = 'FAILED', finished_at = ? WHERE id = ?")
                    .params(MonitoringStore.ts(clock.instant()), importId).update());
            throw e;
        }
    }

    /** The COPY of one import: the columns of monitoring_outside_report it fills, in this order. */
    static final String COPY = "COPY monitoring_outside_report (process_id, import_id, source, external_id, observed_from, observed_to, "
            + "latitude, longitude, precision_m, place, admin1, admin2, category, killed_civilian, killed_military, deaths_best, sources, "
            + "description) FROM STDIN WITH (FORMAT binary)";

    private void run(long importId, long processId, Format format, InputStream raw, Viewer viewer) {
        MessageDigest sha = sha256();
        List<ImportResult.RowError> errors = new ArrayList<>();
        int read = 0;
        int valid = 0;
        int inserted = 0;
        long deaths = 0;
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            String source = source(format);
            // One import of a process at a time, and the process held for the whole import (what a foreign key would do
            // per row, done once); the ids this source already has here, so that a repeated row is skipped as a duplicate.
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(0x494d50, (int) processId).query(Object.class).single();
            jdbc.sql("SELECT id FROM process WHERE id = ? FOR KEY SHARE").param(processId).query(Long.class).single();
            java.util.Set<String> seen = new java.util.HashSet<>(jdbc.sql("SELECT external_id FROM monitoring_outside_report "
                    + "WHERE process_id = ? AND source = ?").params(processId, source).query(String.class).list());
            Map<String, Category> mapped = format == Format.ACLED ? categories.acledMapping(processId) : Map.of();
            PGConnection pg = con.unwrap(PGConnection.class);
            try (Reader reader = new InputStreamReader(new DigestInputStream(raw, sha), StandardCharsets.UTF_8);
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                         .setAllowMissingColumnNames(true).get().parse(reader);
                 CopyBinary out = new CopyBinary(new PGCopyOutputStream(pg, COPY, 1 << 16))) {
                Columns cols = Columns.of(format, csv.getHeaderMap());
                var it = csv.iterator();
                while (true) {
                    CSVRecord rec;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        rec = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        read++;
                        errors.add(new ImportResult.RowError(read + 1, "unreadable CSV: " + e.getMessage()));
                        break; // the parser cannot go on past malformed quoting
                    }
                    read++;
                    int line = (int) rec.getRecordNumber() + 1;
                    try {
                        Row r = format == Format.UCDP_GED ? ucdp(cols, rec) : acled(cols, rec, mapped);
                        valid++;
                        deaths += r.deathsBest() == null ? 0 : r.deathsBest();
                        if (seen.add(r.externalId())) { // else imported before, or earlier in this file: a duplicate
                            inserted++;
                            write(out, processId, importId, source, r);
                        }
                    } catch (RowException e) {
                        if (errors.size() < MAX_ERRORS_KEPT) {
                            errors.add(new ImportResult.RowError(line, e.getMessage()));
                        }
                    }
                    if (read % PROGRESS_EVERY == 0) {
                        int r = read;
                        int f = read - valid;
                        // progress is for watching only: not worth a flush to disk each time (the import itself commits durably)
                        progressTx.executeWithoutResult(s -> {
                            jdbc.sql("SET LOCAL synchronous_commit = off").update();
                            jdbc.sql("UPDATE monitoring_import SET rows_read = ?, rows_failed = ? WHERE id = ?").params(r, f, importId).update();
                        });
                    }
                }
            }
            int failed = read - valid;
            String hash = HexFormat.of().formatHex(sha.digest());
            for (ImportResult.RowError e : errors) {
                jdbc.sql("INSERT INTO monitoring_import_error (import_id, row_number, message) VALUES (?,?,?) ON CONFLICT DO NOTHING")
                        .params(importId, e.row(), e.message().length() > 500 ? e.message().substring(0, 500) : e.message()).update();
            }
            Instant finished = clock.instant();
            jdbc.sql("UPDATE monitoring_import SET status = 'DONE', sha256 = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_failed = ?, "
                            + "deaths_best = ?, finished_at = ? WHERE id = ?")
                    .params(hash, read, inserted, valid - inserted, failed, deaths, MonitoringStore.ts(finished), importId).update();
            record.append(Fact.of("monitoring.import", processId, "monitoring-import/" + importId, finished, viewer.role().name(), Monitoring.data(
                    "format", format.name(), "sha256", hash, "rowsRead", read, "rowsImported", inserted, "rowsDuplicate", valid - inserted,
                    "rowsFailed", failed)));
        } catch (IOException e) {
            throw new InvalidInputException("file", "monitoring.import.unreadable", e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    static String source(Format format) {
        return format == Format.UCDP_GED ? "UCDP GED" : "ACLED";
    }

    /** One row in the column order of {@link #COPY}. */
    static void write(CopyBinary out, long processId, long importId, String source, Row r) throws IOException {
        out.row(18);
        out.int8(processId);
        out.int8(importId);
        out.text(source);
        out.text(r.externalId());
        out.timestamptz(r.from());
        out.timestamptz(r.to());
        out.float8(r.latitude());
        out.float8(r.longitude());
        out.int4(r.precisionM());
        out.text(r.place());
        out.text(r.admin1());
        out.text(r.admin2());
        out.text(r.category().name());
        out.int4(r.killedCivilian());
        out.int4(r.killedMilitary());
        out.int4(r.deathsBest());
        out.text(r.sources());
        out.text(r.description());
    }

    public ImportResult result(long processId, long importId, Viewer viewer) {
        processes.get(processId);
        if (!mayImport(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.importersOnly");
        }
        List<ImportResult.RowError> errors = jdbc.sql("SELECT row_number, message FROM monitoring_import_error WHERE import_id = ? ORDER BY row_number LIMIT 1000")
                .param(importId).query((rs, n) -> new ImportResult.RowError(rs.getInt(1), rs.getString(2))).list();
        return jdbc.sql("SELECT * FROM monitoring_import WHERE id = ? AND process_id = ?").params(importId, processId)
                .query((rs, n) -> new ImportResult(rs.getLong("id"), rs.getLong("process_id"), rs.getString("format"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getString("status"), rs.getInt("rows_read"), rs.getInt("rows_imported"), rs.getInt("rows_duplicate"),
                        rs.getInt("rows_failed"), rs.getLong("deaths_best"), MonitoringStore.instant(rs, "started_at"),
                        MonitoringStore.instant(rs, "finished_at"), errors))
                .optional().orElseThrow(() -> new NotFoundException("import", importId));
    }

    // --- the two formats

    static final class RowException extends Exception {
        RowException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where each column a format reads sits in the file, found once from the header: a row's values are then read by
     * position, not looked up by name (several lookups per column and row add up at tens of thousands of rows a second).
     */
    record Columns(int id, int dateStart, int dateEnd, int latitude, int longitude, int best, int typeOfViolence, int deathsCivilians,
                   int deathsA, int deathsB, int whereCoordinates, int dyadName, int whereDescription, int sourceHeadline, int wherePrec,
                   int adm1, int adm2, int eventType, int subEventType, int actor1, int actor2, int location, int geoPrecision, int source,
                   int notes) {

        static Columns of(Format format, Map<String, Integer> header) {
            List<String> required = format == Format.UCDP_GED
                    ? List.of("id", "date_start", "latitude", "longitude", "best")
                    : List.of("event_id_cnty", "event_date", "latitude", "longitude", "fatalities");
            List<String> missing = required.stream().filter(h -> header == null || !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "monitoring.import.header", String.join(", ", missing));
            }
            java.util.function.ToIntFunction<String> at = name -> header.getOrDefault(name, -1);
            if (format == Format.UCDP_GED) {
                return new Columns(at.applyAsInt("id"), at.applyAsInt("date_start"), at.applyAsInt("date_end"), at.applyAsInt("latitude"),
                        at.applyAsInt("longitude"), at.applyAsInt("best"), at.applyAsInt("type_of_violence"), at.applyAsInt("deaths_civilians"),
                        at.applyAsInt("deaths_a"), at.applyAsInt("deaths_b"), at.applyAsInt("where_coordinates"), at.applyAsInt("dyad_name"),
                        at.applyAsInt("where_description"), at.applyAsInt("source_headline"), at.applyAsInt("where_prec"), at.applyAsInt("adm_1"),
                        at.applyAsInt("adm_2"), -1, -1, -1, -1, -1, -1, -1, -1);
            }
            return new Columns(at.applyAsInt("event_id_cnty"), at.applyAsInt("event_date"), -1, at.applyAsInt("latitude"),
                    at.applyAsInt("longitude"), at.applyAsInt("fatalities"), -1, -1, -1, -1, -1, -1, -1, -1, -1, at.applyAsInt("admin1"),
                    at.applyAsInt("admin2"), at.applyAsInt("event_type"), at.applyAsInt("sub_event_type"), at.applyAsInt("actor1"),
                    at.applyAsInt("actor2"), at.applyAsInt("location"), at.applyAsInt("geo_precision"), at.applyAsInt("source"),
                    at.applyAsInt("notes"));
        }
    }

    static Row ucdp(Columns c, CSVRecord r) throws RowException {
        String id = req(r, c.id(), "id");
        Instant from = ucdpTime(req(r, c.dateStart(), "date_start"), "date_start");
        String end = opt(r, c.dateEnd());
        Instant to = end == null ? null : ucdpTime(end, "date_end");
        if (to != null && to.isBefore(from)) {
            throw new RowException("date_end is before date_start");
        }
        double lat = coordinate(r, c.latitude(), "latitude", 90);
        double lon = coordinate(r, c.longitude(), "longitude", 180);
        Integer best = count(r, c.best(), "best", true);
        Category category = "3".equals(opt(r, c.typeOfViolence())) ? Category.CIVILIAN_CASUALTIES : Category.OTHER;
        Integer civ = count(r, c.deathsCivilians(), "deaths_civilians", false);
        Integer a = count(r, c.deathsA(), "deaths_a", false);
        Integer b = count(r, c.deathsB(), "deaths_b", false);
        Integer military = a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
        String desc = join(opt(r, c.dyadName()), opt(r, c.whereDescription()));
        return new Row(id, from, to, lat, lon, precisionFromUcdp(opt(r, c.wherePrec())), opt(r, c.whereCoordinates()), opt(r, c.adm1()),
                opt(r, c.adm2()), category, civ, military, best, cut(opt(r, c.sourceHeadline())), cut(desc), null);
    }

    /** An ACLED row; its category is an added category mapped to its event and sub-event type, else the closest built-in one. */
    static Row acled(Columns c, CSVRecord r, Map<String, Category> mapped) throws RowException {
        String id = req(r, c.id(), "event_id_cnty");
        String dateText = req(r, c.dateStart(), "event_date");
        LocalDate date;
        try {
            date = dateText.length() == 10 && dateText.charAt(4) == '-' ? LocalDate.parse(dateText) : LocalDate.parse(dateText, ACLED_LONG);
        } catch (DateTimeParseException e) {
            throw new RowException("event_date is not a date: " + dateText);
        }
        Instant from = date.atStartOfDay().toInstant(ZoneOffset.UTC);
        double lat = coordinate(r, c.latitude(), "latitude", 90);
        double lon = coordinate(r, c.longitude(), "longitude", 180);
        Integer fatalities = count(r, c.best(), "fatalities", true);
        String type = opt(r, c.eventType());
        String sub = opt(r, c.subEventType());
        String notes = opt(r, c.notes());
        Category category = mapped.get(Acled.key(type, sub));
        if (category == null) {
            category = acledCategory(type, sub, notes);
        }
        String gp = opt(r, c.geoPrecision());
        Integer precision = "1".equals(gp) ? Integer.valueOf(1_000) : "2".equals(gp) ? Integer.valueOf(10_000) : "3".equals(gp) ? Integer.valueOf(50_000) : null;
        String desc = join(join(opt(r, c.actor1()), opt(r, c.actor2())), notes);
        return new Row(id, from, null, lat, lon, precision, opt(r, c.location()), opt(r, c.adm1()), opt(r, c.adm2()), category, null, null,
                fatalities, cut(opt(r, c.source())), cut(desc), null);
    }

    static Category acledCategory(String type, String sub, String notes) {
        String s = sub == null ? "" : sub.toLowerCase(Locale.ROOT);
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (s.contains("shelling") || s.contains("artillery") || s.contains("missile")) {
            return notes != null && notes.toLowerCase(Locale.ROOT).contains("missile") ? Category.MISSILE_STRIKE : Category.SHELLING;
        }
        if (s.contains("air/drone") || s.contains("air strike") || s.contains("drone")) {
            return notes != null && notes.toLowerCase(Locale.ROOT).contains("drone") ? Category.DRONE_STRIKE : Category.AIRSTRIKE;
        }
        if (s.contains("armed clash")) {
            return Category.SMALL_ARMS_FIRE;
        }
        if (s.contains("explosive") || s.contains("grenade") || s.contains("landmine")) {
            return Category.EXPLOSION;
        }
        if (t.contains("violence against civilians")) {
            return Category.CIVILIAN_CASUALTIES;
        }
        if (t.contains("explosions")) {
            return Category.EXPLOSION;
        }
        if (t.contains("battles")) {
            return Category.SMALL_ARMS_FIRE;
        }
        if (s.contains("headquarters") || s.contains("troop") || s.contains("non-violent transfer")) {
            return Category.TROOP_MOVEMENT;
        }
        return Category.OTHER;
    }

    private static Integer precisionFromUcdp(String wherePrec) {
        if (wherePrec == null || wherePrec.isBlank()) {
            return null;
        }
        return switch (wherePrec.strip()) {
            case "1" -> 1_000;
            case "2" -> 25_000;
            case "3" -> 50_000;
            case "4" -> 100_000;
            default -> 250_000;
        };
    }

    private static Instant ucdpTime(String v, String col) throws RowException {
        Instant fast = monthFirst(v);
        if (fast != null) {
            return fast;
        }
        for (DateTimeFormatter f : UCDP_TIMES) {
            try {
                return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
            throw new RowException(col + " is not a date: " + v);
        }
    }

    /**
     * The common UCDP shapes, read without a formatter (a formatter costs several microseconds a row):
     * {@code M/d/yyyy}, then optionally {@code H:mm}, {@code :ss} and {@code AM}/{@code PM}. Null for anything else,
     * and for impossible dates, which the formatters then judge.
     */
    static Instant monthFirst(String v) {
        int n = v.length();
        int[] pos = {0};
        int month = digits(v, pos, 2);
        if (month < 0 || pos[0] >= n || v.charAt(pos[0]++) != '/') {
            return null;
        }
        int day = digits(v, pos, 2);
        if (day < 0 || pos[0] >= n || v.charAt(pos[0]++) != '/') {
            return null;
        }
        int start = pos[0];
        int year = digits(v, pos, 4);
        if (year < 0 || pos[0] - start != 4 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (pos[0] < n) {
            if (v.charAt(pos[0]++) != ' ') {
                return null;
            }
            hour = digits(v, pos, 2);
            if (hour < 0 || pos[0] >= n || v.charAt(pos[0]++) != ':') {
                return null;
            }
            start = pos[0];
            minute = digits(v, pos, 2);
            if (minute < 0 || pos[0] - start != 2 || minute > 59) {
                return null;
            }
            if (pos[0] < n && v.charAt(pos[0]) == ':') {
                pos[0]++;
                start = pos[0];
                second = digits(v, pos, 2);
                if (second < 0 || pos[0] - start != 2 || second > 59) {
                    return null;
                }
            }
            if (pos[0] < n) {
                if (n - pos[0] != 3 || v.charAt(pos[0]) != ' ' || v.charAt(pos[0] + 2) != 'M' || hour < 1 || hour > 12) {
                    return null;
                }
                char ap = v.charAt(pos[0] + 1);
                if (ap == 'A') {
                    hour = hour == 12 ? 0 : hour;
                } else if (ap == 'P') {
                    hour = hour == 12 ? 12 : hour + 12;
                } else {
                    return null;
                }
            } else if (hour > 23) {
                return null;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
    }

    /** Up to {@code max} decimal digits from pos[0] on (moves it), or -1 if there is none. */
    private static int digits(String v, int[] pos, int max) {
        int value = 0;
        int i = pos[0];
        int end = Math.min(v.length(), i + max);
        while (i < end && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            value = value * 10 + (v.charAt(i) - '0');
            i++;
        }
        if (i == pos[0]) {
            return -1;
        }
        pos[0] = i;
        return value;
    }

    private static double coordinate(CSVRecord r, int at, String col, double limit) throws RowException {
        String v = req(r, at, col);
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || d < -limit || d > limit) {
                throw new RowException(col + " is out of range: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RowException(col + " is not a number: " + v);
        }
    }

    private static Integer count(CSVRecord r, int at, String col, boolean required) throws RowException {
        String v = opt(r, at);
        if (v == null) {
            if (required) {
                throw new RowException(col + " is missing");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new RowException(col + " is negative: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RowException(col + " is not a whole number: " + v);
        }
    }

    private static String req(CSVRecord r, int at, String col) throws RowException {
        String v = opt(r, at);
        if (v == null) {
            throw new RowException(col + " is missing");
        }
        return v;
    }

    /** The value at a position, stripped; null when the file has no such column, the row is short, or the value is blank. */
    private static String opt(CSVRecord r, int at) {
        if (at < 0 || at >= r.size()) {
            return null;
        }
        String v = r.get(at);
        if (v.isEmpty()) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " — " + b;
    }

    private static String cut(String s) {
        return s == null || s.length() <= Monitoring.MAX_TEXT ? s : s.substring(0, Monitoring.MAX_TEXT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
