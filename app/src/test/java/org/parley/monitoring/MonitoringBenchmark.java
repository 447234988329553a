package org.parley.monitoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.NewProcess;
import org.parley.process.ProcessStatus;
import org.parley.process.Processes;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitoring at scale, on the embedded PostgreSQL (fsync on). Run on demand; the parts are chosen with
 * {@code -Dparley.bench.parts=grouping,db,queries,import}:
 * <ol>
 *   <li>{@code grouping}: {@link Grouper} over 1 M generated reports ({@link ReportGenerator}), against sorting them alone;</li>
 *   <li>{@code db}: the database filled with N reports ({@code -Dparley.bench.reports}, e.g. 10,000,000) and their events, by
 *   two binary COPY streams in parallel into tables without their secondary indexes and foreign keys, which are built
 *   and checked afterwards; the database is kept in {@code target/bench-data-monitoring} for later runs;</li>
 *   <li>{@code queries}: the dashboard's queries on the largest filled process (p50/p95 of 60 calls each) against a
 *   primary-key look-up, and against counting the events without the roll-up;</li>
 *   <li>{@code import}: a synthetic UCDP-format file through {@link Imports}, against parsing the same file alone and against
 *   the way it was stored before (a text COPY into a table shaped like monitoring_report up to V24, with its four
 *   foreign keys and indexes).</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=${parley.bench.data-dir:target/bench-data-monitoring}", "parley.demo.enabled=false",
        "spring.flyway.out-of-order=true"}) // a kept benchmark database may predate a later monitoring migration
class MonitoringBenchmark {

    @Autowired
    Monitoring monitoring;

    @Autowired
    Imports imports;

    @Autowired
    Processes processes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Geo geo;

    @Autowired
    MonitoringStore store;

    @Test
    void atScale() throws Exception {
        long n = Long.getLong("parley.bench.reports", 1_000_000);
        int importRows = Integer.getInteger("parley.bench.importRows", 200_000);
        String parts = System.getProperty("parley.bench.parts", "grouping,db,queries,import");
        System.out.printf("== Parley monitoring benchmark: parts %s; %d CPUs, max heap %d MiB ==%n", parts,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Viewer mediator = mediator();
        long[] observers = new long[20];
        for (int i = 0; i < observers.length; i++) {
            String email = "bench.observer" + i + "@bench.parley";
            int k = i;
            observers[i] = accounts.findByEmail(email).map(Accounts.Account::id).orElseGet(() ->
                    accounts.create(new Accounts.NewAccount(email, "Bench observer " + k, "bench-password-1", Role.OBSERVER, null)).id());
        }
        long now = Instant.now().getEpochSecond();
        long span = Long.getLong("parley.bench.days", 56) * 86_400;
        if (parts.contains("grouping")) {
            grouping(Integer.getInteger("parley.bench.groupReports", 1_000_000), now, span, observers);
        }
        Long pid = null;
        if (parts.contains("db")) {
            pid = processes.create(new NewProcess("Monitoring benchmark " + System.nanoTime(), "bench", LocalDate.now().minusDays(60),
                    ProcessStatus.ACTIVE, List.of("en")), mediator).id();
            fill(pid, n, now - span, span, observers);
        }
        if (parts.contains("queries")) {
            if (pid == null) {
                // the largest benchmark process of an earlier run, kept in the data directory
                pid = jdbc.sql("SELECT e.process_id FROM monitoring_event e JOIN process p ON p.id = e.process_id "
                        + "WHERE p.name LIKE 'Monitoring benchmark%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").query(Long.class).single();
            }
            System.out.printf("QUERIES on process %d with %,d reports and %,d events%n", pid,
                    jdbc.sql("SELECT count(*) FROM monitoring_report WHERE process_id = ?").param(pid).query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM monitoring_event WHERE process_id = ?").param(pid).query(Long.class).single());
            queries(pid, mediator);
        }
        if (parts.contains("import")) {
            importCsv(importRows, mediator);
        }
    }

    /** 1. Grouping: wall time and this thread's CPU time, against sorting the same reports by time. */
    private void grouping(int n, long now, long span, long[] observers) {
        List<ReportGenerator.Generated> generated = new ReportGenerator(42, now - span, span, observers).reports(n);
        List<Grouper.Item> items = generated.stream().map(ReportGenerator.Generated::item).toList();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Grouper grouper = new Grouper(2, 30);
        List<Long> sortMs = new ArrayList<>();
        List<Long> sortCpuMs = new ArrayList<>();
        List<Long> groupMs = new ArrayList<>();
        List<Long> groupCpuMs = new ArrayList<>();
        int[] groups = null;
        for (int run = 0; run < 3; run++) {
            System.gc();
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            Grouper.timeOrder(items);
            sortMs.add((System.nanoTime() - t0) / 1_000_000);
            sortCpuMs.add((cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
            System.gc();
            long before = usedHeap();
            t0 = System.nanoTime();
            c0 = cpu.getCurrentThreadCpuTime();
            groups = grouper.group(items);
            groupMs.add((System.nanoTime() - t0) / 1_000_000);
            groupCpuMs.add((cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
            if (run == 0) {
                System.out.printf("grouping heap delta (run 1, rough): %d MiB%n", Math.max(0, usedHeap() - before) >> 20);
            }
        }
        int eventCount = Arrays.stream(groups).max().orElse(-1) + 1;
        long trueEvents = generated.stream().mapToInt(ReportGenerator.Generated::trueEvent).distinct().count();
        System.out.printf("GROUPING %,d reports -> %,d events (generator made %,d): median wall %d ms (runs %s), CPU %d ms (runs %s); "
                        + "baseline time sort only: wall %d ms (runs %s), CPU %d ms; ratio (wall) %.1f%n",
                n, eventCount, trueEvents, median(groupMs), groupMs, median(groupCpuMs), groupCpuMs, median(sortMs), sortMs, median(sortCpuMs),
                (double) median(groupMs) / Math.max(1, median(sortMs)));
    }

    /**
     * 2. Fills the process with n generated reports and their events. The generator's events are the grouping (the
     * same rule's result is measured in part 1); events get states (35 % verified, 5 % refuted, 2 % inconclusive, the
     * rest corroborated or reported by their observers) and their admin-1 area from the bundled map. Two threads each
     * run the generator with the same seed and stream one table by binary COPY on a connection of their own: nothing
     * is held in memory but one event's reports. Secondary indexes, foreign keys and the roll-up trigger are off during
     * the COPY, then built, checked and filled in one pass each, and the tables vacuumed for index-only scans.
     */
    private void fill(long pid, long n, long start, long span, long[] observers) throws Exception {
        long t0 = System.nanoTime();
        long eventBase = jdbc.sql("SELECT nextval('monitoring_event_id_seq')").query(Long.class).single();
        long reportBase = jdbc.sql("SELECT nextval('monitoring_report_id_seq')").query(Long.class).single();
        // reserve the ids: at most one event per report
        jdbc.sql("SELECT setval('monitoring_event_id_seq', ?)").param(eventBase + n + 1).query(Long.class).single();
        jdbc.sql("SELECT setval('monitoring_report_id_seq', ?)").param(reportBase + n + 1).query(Long.class).single();

        List<String> indexes = jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('monitoring_event', 'monitoring_report') "
                + "AND indexname NOT LIKE '%pkey'").query((rs, k) -> rs.getString(1) + "\t" + rs.getString(2)).list();
        List<String> foreignKeys = jdbc.sql("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE contype = 'f' AND conrelid IN ('monitoring_event'::regclass, 'monitoring_report'::regclass)")
                .query((rs, k) -> rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3)).list();
        for (String fk : foreignKeys) {
            String[] f = fk.split("\t");
            jdbc.sql("ALTER TABLE " + f[0] + " DROP CONSTRAINT " + f[1]).update();
        }
        for (String ix : indexes) {
            jdbc.sql("DROP INDEX " + ix.split("\t")[0]).update();
        }
        jdbc.sql("ALTER TABLE monitoring_event DISABLE TRIGGER monitoring_event_daily").update();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Long> events = pool.submit(copy("COPY monitoring_event (id, process_id, category, state, first_at, last_at, latitude, longitude, "
                    + "admin1, observers, reports, decided_by_name, decided_at) FROM STDIN WITH (FORMAT binary)", out -> {
                Map<Long, String> admin1 = new HashMap<>();
                EventTotal e = new EventTotal(geo);
                long[] written = {0};
                new ReportGenerator(42, start, span, observers).forEach(n, g -> {
                    if (g.trueEvent() != e.number && e.reports > 0) {
                        written[0] += e.write(out, pid, eventBase, admin1);
                    }
                    e.add(g);
                });
                written[0] += e.write(out, pid, eventBase, admin1);
                return written[0];
            }));
            Future<Long> reports = pool.submit(copy("COPY monitoring_report (id, process_id, author_account, author_name, observed_from, latitude, "
                    + "longitude, precision_m, category, quantity, confidence, description, language, event_id) FROM STDIN WITH (FORMAT binary)", out -> {
                long[] written = {0};
                new ReportGenerator(42, start, span, observers).forEach(n, g -> {
                    Grouper.Item it = g.item();
                    rows(() -> {
                        out.row(14);
                        out.int8(reportBase + it.id());
                        out.int8(pid);
                        out.int8(it.author());
                        out.text("Bench observer");
                        out.timestamptz(Instant.ofEpochSecond(it.fromSec()));
                        out.float8(it.lat());
                        out.float8(it.lon());
                        out.int4(100);
                        out.text(it.category().name());
                        out.int4(1);
                        out.text("MEDIUM");
                        out.text("Impacts heard and seen from the observation post, generated report " + it.id());
                        out.text("en");
                        out.int8(eventBase + g.trueEvent());
                    });
                    written[0]++;
                });
                return written[0];
            }));
            long eventCount = events.get();
            long reportCount = reports.get();
            pool.shutdown();
            System.out.printf("FILL COPY %,d reports and %,d events (two binary COPY streams): %d s%n", reportCount, eventCount,
                    (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            long t1 = System.nanoTime();
            jdbc.sql("ALTER TABLE monitoring_event ENABLE TRIGGER monitoring_event_daily").update();
            jdbc.sql("INSERT INTO monitoring_event_daily (process_id, day, state, category, admin1, party_id, events) "
                    + "SELECT process_id, (first_at AT TIME ZONE 'UTC')::date, state, category, coalesce(admin1, ''), "
                    + "coalesce(attributed_party_id, 0), count(*) FROM monitoring_event WHERE process_id = ? GROUP BY 1, 2, 3, 4, 5, 6").param(pid).update();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET maintenance_work_mem = '512MB'");
                for (String ix : indexes) {
                    st.execute(ix.split("\t")[1]);
                }
                for (String fk : foreignKeys) {
                    String[] f = fk.split("\t");
                    st.execute("ALTER TABLE " + f[0] + " ADD CONSTRAINT " + f[1] + " " + f[2]);
                }
            }
            System.out.printf("FILL indexes, foreign keys (checked) and roll-up: %d s%n", (System.nanoTime() - t1) / 1_000_000_000);
        }
        long t2 = System.nanoTime();
        jdbc.sql("VACUUM ANALYZE monitoring_event").update();
        jdbc.sql("VACUUM ANALYZE monitoring_report").update();
        jdbc.sql("VACUUM ANALYZE monitoring_event_daily").update();
        System.out.printf("FILL vacuum and analyze: %d s; whole fill %d s; database %s%n", (System.nanoTime() - t2) / 1_000_000_000,
                (System.nanoTime() - t0) / 1_000_000_000, jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single());
    }

    /** One event being totalled from its reports as they stream by. */
    private static final class EventTotal {
        final Geo geo;
        int number = -1;
        int reports;
        double sumLat;
        double sumLon;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Category category;
        long observerBits;

        EventTotal(Geo geo) {
            this.geo = geo;
        }

        void add(ReportGenerator.Generated g) {
            Grouper.Item it = g.item();
            if (g.trueEvent() != number) {
                number = g.trueEvent();
                reports = 0;
                sumLat = 0;
                sumLon = 0;
                first = Long.MAX_VALUE;
                last = Long.MIN_VALUE;
                category = it.category();
                observerBits = 0;
            }
            reports++;
            sumLat += it.lat();
            sumLon += it.lon();
            first = Math.min(first, it.fromSec());
            last = Math.max(last, it.toSec());
            observerBits |= 1L << (it.author() % 64);
        }

        int write(CopyBinary out, long pid, long eventBase, Map<Long, String> admin1Cache) {
            if (reports == 0) {
                return 0;
            }
            double lat = sumLat / reports;
            double lon = sumLon / reports;
            int observers = Long.bitCount(observerBits);
            // a state per event, the same on every run
            double r = new java.util.SplittableRandom(number * 0x9E3779B97F4A7C15L).nextDouble();
            String state = r < 0.35 ? "VERIFIED" : r < 0.40 ? "REFUTED" : r < 0.42 ? "INCONCLUSIVE" : observers >= 2 ? "CORROBORATED" : "REPORTED";
            boolean decided = r < 0.42;
            long cell = (Math.round(lat * 20) << 32) ^ Math.round(lon * 20);
            String area = admin1Cache.computeIfAbsent(cell, k -> {
                Geo.Area a = geo.areaOf(lat, lon);
                return a == null ? "" : a.nameEn();
            });
            rows(() -> {
                out.row(13);
                out.int8(eventBase + number);
                out.int8(pid);
                out.text(category.name());
                out.text(state);
                out.timestamptz(Instant.ofEpochSecond(first));
                out.timestamptz(Instant.ofEpochSecond(last));
                out.float8(lat);
                out.float8(lon);
                out.text(area.isEmpty() ? null : area);
                out.int4(observers);
                out.int4(reports);
                out.text(decided ? "Bench observer" : null);
                out.timestamptz(decided ? Instant.ofEpochSecond(last + 86_400) : null);
            });
            reports = 0;
            return 1;
        }
    }

    interface Rows {
        void write() throws Exception;
    }

    private static void rows(Rows r) {
        try {
            r.write();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface Copier {
        long write(CopyBinary out) throws Exception;
    }

    /** A COPY on a connection of its own, committed when the writer is done. */
    private Callable<Long> copy(String sql, Copier writer) {
        return () -> {
            try (Connection con = dataSource.getConnection()) {
                con.setAutoCommit(true);
                try (CopyBinary out = new CopyBinary(new PGCopyOutputStream(con.unwrap(PGConnection.class), sql, 1 << 16))) {
                    return writer.write(out);
                }
            }
        };
    }

    /** 3. The dashboard's queries through the Monitoring service, as the pages call them. */
    private void queries(long pid, Viewer mediator) {
        Viewer anonymous = Viewer.anonymous();
        long someEvent = jdbc.sql("SELECT min(id) FROM monitoring_event WHERE process_id = ?").param(pid).query(Long.class).single();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Supplier<Object>> queries = new java.util.LinkedHashMap<>();
        queries.put("baseline: event by id", () -> monitoring.event(pid, someEvent, mediator));
        queries.put("dashboard, public (verified only)", () -> monitoring.dashboard(pid, EventFilter.none(), anonymous));
        queries.put("dashboard, mediator (all)", () -> monitoring.dashboard(pid, EventFilter.none(), mediator));
        queries.put("dashboard, mediator, category=SHELLING", () -> monitoring.dashboard(pid,
                new EventFilter(null, null, Category.SHELLING, null, null, null), mediator));
        queries.put("dashboard, public, admin1=Donetsk Oblast", () -> monitoring.dashboard(pid,
                new EventFilter(null, null, null, null, null, "Donetsk Oblast"), anonymous));
        queries.put("events list (100 newest), mediator, last 7 days", () -> monitoring.events(pid,
                new EventFilter(today.minusDays(7), today, null, null, null, null), 100, mediator));
        queries.put("map (up to 5,000 events), public, last 14 days", () -> monitoring.events(pid,
                new EventFilter(today.minusDays(14), today, null, null, null, null), 5_000, anonymous));
        queries.put("map (up to 5,000 events), mediator, category=DRONE_STRIKE", () -> monitoring.events(pid,
                new EventFilter(null, null, Category.DRONE_STRIKE, null, null, null), 5_000, mediator));
        for (var q : queries.entrySet()) {
            time(q.getKey(), q.getValue(), 60);
        }
        // filing a report at this size: validation, the open events near it (grouping), the roll-up trigger, the record entry
        long observer = jdbc.sql("SELECT id FROM account WHERE email = 'bench.observer0@bench.parley'").query(Long.class).single();
        jdbc.sql("INSERT INTO monitoring_observer (process_id, account_id, team, added_at) VALUES (?, ?, 'Bench team', now()) "
                + "ON CONFLICT DO NOTHING").params(pid, observer).update();
        Viewer reporter = new Viewer(observer, "bench.observer0@bench.parley", "Bench observer 0", Role.OBSERVER, null);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        time("report filed and grouped (an observer's single report)", () -> {
            double[] p = ReportGenerator.LINE[random.nextInt(ReportGenerator.LINE.length)];
            Instant at = Instant.now().minusSeconds(random.nextLong(60, 86_400));
            return monitoring.submit(pid, NewReport.of(null, at, p[1] + random.nextDouble(-0.05, 0.05), p[0] + random.nextDouble(-0.05, 0.05),
                    Category.SHELLING, "Benchmark report"), reporter);
        }, 60);
        // for comparison: the mediator's dashboard counts taken from the events themselves, without the roll-up
        time("without the roll-up: mediator's dashboard counts from the events", () -> {
            MonitoringStore.Where w = store.where(pid, EventFilter.none(), false);
            Instant now = Instant.now();
            Instant start = today.minusDays(13).atStartOfDay().toInstant(ZoneOffset.UTC);
            store.daily(w, start, today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            store.count(w, start.minus(java.time.Duration.ofDays(14)), start);
            return store.count(w, now.minus(java.time.Duration.ofHours(24)), now.plusSeconds(600));
        }, 20);
    }

    private static void time(String name, Supplier<Object> query, int calls) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            query.get();
            micros.add((System.nanoTime() - s) / 1_000);
        }
        micros.sort(null);
        System.out.printf("QUERY %-62s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d calls)%n", name, micros.get(calls / 2) / 1000.0,
                micros.get((int) Math.ceil(calls * 0.95) - 1) / 1000.0, micros.get(calls - 1) / 1000.0, calls);
    }

    /**
     * 4. The import, five runs each way, each into a fresh process (so every row is new): parsing alone (the baseline), the
     * import through {@link Imports}, and the way rows were stored up to V24 for comparison.
     */
    private void importCsv(int importRows, Viewer mediator) throws Exception {
        byte[] csv = ucdpLike(importRows);
        beforeV25Table();
        List<Long> parseMs = new ArrayList<>();
        List<Long> importMs = new ArrayList<>();
        List<Long> oldMs = new ArrayList<>();
        long heapDelta = 0;
        long peakDelta = 0;
        for (int run = 0; run < 5; run++) {
            System.gc();
            long s = System.nanoTime();
            int rows = 0;
            try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
                Imports.Columns cols = Imports.Columns.of(Imports.Format.UCDP_GED, p.getHeaderMap());
                for (CSVRecord r : p) {
                    Imports.ucdp(cols, r);
                    rows++;
                }
            }
            parseMs.add((System.nanoTime() - s) / 1_000_000);

            long target = processes.create(new NewProcess("Import benchmark " + System.nanoTime(), "bench", LocalDate.now(), ProcessStatus.ACTIVE,
                    List.of("en")), mediator).id();
            System.gc();
            long before = usedHeap();
            resetPeaks();
            s = System.nanoTime();
            ImportResult r = imports.importCsv(target, Imports.Format.UCDP_GED, "bench.csv", new ByteArrayInputStream(csv), mediator);
            importMs.add((System.nanoTime() - s) / 1_000_000);
            peakDelta = Math.max(peakDelta, peakHeap() - before);
            System.gc();
            heapDelta = Math.max(heapDelta, usedHeap() - before);
            if (r.rowsImported() != importRows || rows != importRows) {
                throw new AssertionError("imported " + r.rowsImported() + " of " + importRows);
            }

            s = System.nanoTime();
            beforeV25(target, csv);
            oldMs.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.printf("IMPORT %,d UCDP rows (%.1f MB): median %d ms = %,.0f rows/s (runs %s); heap over the import: peak +%d MiB "
                        + "(garbage included), kept after it +%d MiB%n", importRows, csv.length / 1e6, median(importMs),
                importRows * 1000.0 / median(importMs), importMs, peakDelta >> 20, heapDelta >> 20);
        System.out.printf("IMPORT baseline, parse and map only: median %d ms = %,.0f rows/s (runs %s); ratio import/parse %.2f%n",
                median(parseMs), importRows * 1000.0 / median(parseMs), parseMs, (double) median(importMs) / Math.max(1, median(parseMs)));
        System.out.printf("IMPORT as stored up to V24 (text COPY into monitoring_report's shape, 4 foreign keys, 4 indexes): median %d ms = "
                        + "%,.0f rows/s (runs %s); ratio before/now %.2f%n", median(oldMs), importRows * 1000.0 / median(oldMs), oldMs,
                (double) median(oldMs) / Math.max(1, median(importMs)));
    }

    /** The report table as it was up to V24 (observers' and imported reports in one table), for the comparison. */
    private void beforeV25Table() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS bench_report_v24 (
                    id bigserial PRIMARY KEY, process_id bigint NOT NULL REFERENCES process (id), kind text NOT NULL, client_id text,
                    author_account bigint REFERENCES account (id), author_name text, team text, observed_from timestamptz NOT NULL,
                    observed_to timestamptz, latitude double precision, longitude double precision, precision_m int, place text, admin1 text,
                    admin2 text, category text NOT NULL, quantity int, direction text, distance_m int, weapon text,
                    alleged_party_id bigint REFERENCES party (id), alleged_by text, killed_civilian int, killed_military int,
                    injured_civilian int, injured_military int, deaths_best int, sources text, confidence text, description text, language text,
                    event_id bigint REFERENCES monitoring_event (id), external_source text, external_id text,
                    created_at timestamptz NOT NULL DEFAULT now())""").update();
        jdbc.sql("CREATE UNIQUE INDEX IF NOT EXISTS bench_report_v24_client ON bench_report_v24 (author_account, client_id) WHERE client_id IS NOT NULL").update();
        jdbc.sql("CREATE UNIQUE INDEX IF NOT EXISTS bench_report_v24_external ON bench_report_v24 (process_id, external_source, external_id) "
                + "WHERE external_id IS NOT NULL").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS bench_report_v24_event ON bench_report_v24 (event_id) WHERE event_id IS NOT NULL").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS bench_report_v24_time ON bench_report_v24 (process_id, kind, observed_from)").update();
    }

    /** The same file as stored up to V24: the same parser, rows printed as CSV into one text COPY, in one transaction. */
    private void beforeV25(long pid, byte[] csv) throws Exception {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            String now = Instant.now().toString();
            try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
                 PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class), "COPY bench_report_v24 (process_id, kind, "
                         + "external_source, external_id, observed_from, observed_to, latitude, longitude, precision_m, place, admin1, admin2, "
                         + "category, killed_civilian, killed_military, deaths_best, sources, description, author_name, created_at) "
                         + "FROM STDIN WITH (FORMAT csv)", 1 << 16);
                 CSVPrinter printer = new CSVPrinter(new java.io.BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16),
                         CSVFormat.RFC4180)) {
                Imports.Columns cols = Imports.Columns.of(Imports.Format.UCDP_GED, p.getHeaderMap());
                for (CSVRecord rec : p) {
                    Imports.Row r = Imports.ucdp(cols, rec);
                    printer.printRecord(pid, "EXTERNAL", "UCDP GED", r.externalId(), r.from(), r.to(), r.latitude(), r.longitude(), r.precisionM(),
                            r.place(), r.admin1(), r.admin2(), r.category().name(), r.killedCivilian(), r.killedMilitary(), r.deathsBest(),
                            r.sources(), r.description(), "UCDP GED", now);
                }
            }
            con.commit();
        }
    }

    private Viewer mediator() {
        var a = accounts.findByEmail("bench.mediator@bench.parley").orElseGet(() ->
                accounts.create(new Accounts.NewAccount("bench.mediator@bench.parley", "Bench mediator", "bench-password-1", Role.MEDIATOR, null)));
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), null);
    }

    /** A UCDP GED–format file of generated rows (the columns the import reads, plus a few others). */
    private byte[] ucdpLike(int rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<ReportGenerator.Generated> g = new ReportGenerator(99, Instant.parse("2014-01-01T00:00:00Z").getEpochSecond(), 3650L * 86_400,
                new long[]{1}).reports(rows);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.ENGLISH);
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            out.printRecord("id", "relid", "year", "type_of_violence", "dyad_name", "source_headline", "where_prec", "where_coordinates",
                    "where_description", "adm_1", "adm_2", "latitude", "longitude", "date_start", "date_end", "deaths_a", "deaths_b",
                    "deaths_civilians", "deaths_unknown", "best", "high", "low");
            for (var r : g) {
                var it = r.item();
                var t = java.time.LocalDateTime.ofEpochSecond(it.fromSec(), 0, ZoneOffset.UTC);
                out.printRecord(1_000_000 + it.id(), "UKR-" + it.id(), t.getYear(), 1 + (it.id() % 3), "Government of Ukraine - Government of Russia",
                        "Shelling reported near the line; two killed", 1 + (it.id() % 4), "Near the line", "Generated place " + it.id(),
                        "Donetsk oblast", "Bakhmutskyi raion", it.lat(), it.lon(), f.format(t), f.format(t), 0, 1, it.id() % 2, 0, 1 + it.id() % 2,
                        2, 1);
            }
        }
        return bytes.toByteArray();
    }

    private static void resetPeaks() {
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    /** The largest heap use since the peaks were reset (the sum of the pools' peaks: an upper bound). */
    private static long peakHeap() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
