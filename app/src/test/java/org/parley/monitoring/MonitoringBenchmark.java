package org.parley.monitoring;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitoring at scale, on the embedded PostgreSQL. Run on demand (a few minutes on the 2-core machine):
 * {@code ./mvnw -B -pl app test -Dtest=MonitoringBenchmark -Dparley.bench=true -Dparley.bench.reports=1000000}
 * <ol>
 *   <li>grouping: {@link Grouper} over N generated reports ({@link ReportGenerator}), against sorting them alone;</li>
 *   <li>the database filled with those N reports and their events (COPY), then the dashboard's queries timed
 *   (p50/p95 of 60 runs each) against a primary-key look-up as the baseline;</li>
 *   <li>CSV import: a synthetic UCDP-format file through {@link Imports}, against parsing the same file alone.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=target/bench-data-monitoring", "parley.demo.enabled=false",
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
        int n = Integer.getInteger("parley.bench.reports", 1_000_000);
        int importRows = Integer.getInteger("parley.bench.importRows", 200_000);
        System.out.printf("== Parley monitoring benchmark: %,d reports, %,d import rows; %d CPUs, max heap %d MiB ==%n", n, importRows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Viewer mediator = mediator();
        Long existing = null;
        if (Boolean.getBoolean("parley.bench.reuse")) {
            // the database of an earlier run (kept in target/bench-data-monitoring): its largest benchmark process, not filled again
            existing = jdbc.sql("SELECT e.process_id FROM monitoring_event e JOIN process p ON p.id = e.process_id "
                    + "WHERE p.name LIKE 'Monitoring benchmark%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").query(Long.class).optional().orElse(null);
            if (existing != null) {
                System.out.printf("reusing process %d with %,d reports and %,d events%n", existing,
                        jdbc.sql("SELECT count(*) FROM monitoring_report WHERE process_id = ?").param(existing).query(Long.class).single(),
                        jdbc.sql("SELECT count(*) FROM monitoring_event WHERE process_id = ?").param(existing).query(Long.class).single());
            }
        }
        String parts = System.getProperty("parley.bench.parts", "grouping,db,queries,import");
        long[] observers = new long[20];
        for (int i = 0; i < observers.length; i++) {
            String email = "bench.observer" + i + "@bench.parley";
            int k = i;
            observers[i] = accounts.findByEmail(email).map(Accounts.Account::id).orElseGet(() ->
                    accounts.create(new Accounts.NewAccount(email, "Bench observer " + k, "bench-password-1", Role.OBSERVER, null)).id());
        }
        long now = Instant.now().getEpochSecond();
        long span = 56L * 86_400;
        if (parts.contains("grouping")) {
            grouping(Integer.getInteger("parley.bench.groupReports", 1_000_000), now, span, observers);
        }
        if (existing != null && parts.contains("queries")) {
            queries(existing, mediator);
        } else if (parts.contains("db")) {
            // 2. fill the database (COPY, indexes built after), then time the dashboard's queries
            long pid = processes.create(new NewProcess("Monitoring benchmark " + System.nanoTime(), "bench", LocalDate.now().minusDays(60),
                    ProcessStatus.ACTIVE, List.of("en")), mediator).id();
            long t0 = System.nanoTime();
            List<Grouper.Item> items = new ReportGenerator(42, now - span, span, observers).reports(n).stream().map(ReportGenerator.Generated::item).toList();
            int[] groups = new Grouper(2, 30).group(items);
            int eventCount = Arrays.stream(groups).max().orElse(-1) + 1;
            System.out.printf("GENERATED and grouped %,d reports into %,d events: %d s%n", n, eventCount, (System.nanoTime() - t0) / 1_000_000_000);
            t0 = System.nanoTime();
            fill(pid, items, groups, eventCount);
            System.out.printf("FILL %,d reports and %,d events by COPY, then indexes, roll-up and ANALYZE: %d s%n", n, eventCount,
                    (System.nanoTime() - t0) / 1_000_000_000);
            if (parts.contains("queries")) {
                queries(pid, mediator);
            }
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
                        + "baseline time sort only: wall %d ms, CPU %d ms (runs %s); ratio (wall) %.1f; load average %.1f%n",
                n, eventCount, trueEvents, median(groupMs), groupMs, median(groupCpuMs), groupCpuMs, median(sortMs), median(sortCpuMs), sortMs,
                (double) median(groupMs) / Math.max(1, median(sortMs)),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

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
        queries.put("before the roll-up: mediator's dashboard counts from the events", () -> {
            MonitoringStore.Where w = store.where(pid, EventFilter.none(), false);
            Instant now = Instant.now();
            Instant start = today.minusDays(13).atStartOfDay().toInstant(ZoneOffset.UTC);
            store.daily(w, start, today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            store.count(w, start.minus(java.time.Duration.ofDays(14)), start);
            return store.count(w, now.minus(java.time.Duration.ofHours(24)), now.plusSeconds(600));
        });
        queries.put("map (up to 5,000 events), public, last 14 days", () -> monitoring.events(pid,
                new EventFilter(today.minusDays(14), today, null, null, null, null), 5_000, anonymous));
        for (var q : queries.entrySet()) {
            for (int i = 0; i < 5; i++) {
                q.getValue().get();
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long s = System.nanoTime();
                q.getValue().get();
                micros.add((System.nanoTime() - s) / 1_000);
            }
            micros.sort(null);
            System.out.printf("QUERY %-50s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", q.getKey(), micros.get(30) / 1000.0,
                    micros.get(56) / 1000.0, micros.get(59) / 1000.0);
        }

    }

    private void importCsv(int importRows, Viewer mediator) throws Exception {
        byte[] csv = ucdpLike(importRows);
        List<Long> parseMs = new ArrayList<>();
        List<Long> importMs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long s = System.nanoTime();
            int rows = 0;
            try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
                for (CSVRecord r : p) {
                    Imports.ucdp(r);
                    rows++;
                }
            }
            parseMs.add((System.nanoTime() - s) / 1_000_000);
            long target = processes.create(new NewProcess("Import benchmark " + System.nanoTime(), "bench", LocalDate.now(), ProcessStatus.ACTIVE,
                    List.of("en")), mediator).id();
            s = System.nanoTime();
            ImportResult r = imports.importCsv(target, Imports.Format.UCDP_GED, "bench.csv", new ByteArrayInputStream(csv), mediator);
            importMs.add((System.nanoTime() - s) / 1_000_000);
            if (r.rowsImported() != importRows || rows != importRows) {
                throw new AssertionError("imported " + r.rowsImported() + " of " + importRows);
            }
        }
        System.out.printf("IMPORT %,d UCDP rows (%.1f MB): median %d ms = %,.0f rows/s (runs %s); baseline parse+map only median %d ms = %,.0f rows/s; ratio %.1f%n",
                importRows, csv.length / 1e6, median(importMs), importRows * 1000.0 / median(importMs), importMs, median(parseMs),
                importRows * 1000.0 / median(parseMs), (double) median(importMs) / Math.max(1, median(parseMs)));
    }

    private Viewer mediator() {
        var a = accounts.findByEmail("bench.mediator@bench.parley").orElseGet(() ->
                accounts.create(new Accounts.NewAccount("bench.mediator@bench.parley", "Bench mediator", "bench-password-1", Role.MEDIATOR, null)));
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), null);
    }

    /** Events (with states: 35 % verified, 5 % refuted, some corroborated) and reports, by COPY; admin-1 from the bundled map. */
    private void fill(long pid, List<Grouper.Item> items, int[] groups, int eventCount) throws Exception {
        double[] sumLat = new double[eventCount];
        double[] sumLon = new double[eventCount];
        long[] first = new long[eventCount];
        long[] last = new long[eventCount];
        int[] count = new int[eventCount];
        Category[] category = new Category[eventCount];
        Arrays.fill(first, Long.MAX_VALUE);
        long[] obs = new long[eventCount];
        for (int i = 0; i < items.size(); i++) {
            Grouper.Item it = items.get(i);
            int g = groups[i];
            sumLat[g] += it.lat();
            sumLon[g] += it.lon();
            first[g] = Math.min(first[g], it.fromSec());
            last[g] = Math.max(last[g], it.toSec());
            count[g]++;
            if (category[g] == null) {
                category[g] = it.category();
            }
            obs[g] |= 1L << (it.author() % 64);
        }
        long nextEventId = jdbc.sql("SELECT nextval('monitoring_event_id_seq')").query(Long.class).single();
        jdbc.sql("SELECT setval('monitoring_event_id_seq', ?)").param(nextEventId + eventCount + 1).query(Long.class).single();
        Map<Long, String> admin1Cache = new HashMap<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        // COPY into tables without their secondary indexes and without the roll-up trigger; both rebuilt after
        List<String> indexes = jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('monitoring_event', 'monitoring_report') "
                + "AND indexname NOT LIKE '%pkey'").query((rs, k) -> rs.getString(1) + "\t" + rs.getString(2)).list();
        for (String ix : indexes) {
            jdbc.sql("DROP INDEX " + ix.split("\t")[0]).update();
        }
        jdbc.sql("ALTER TABLE monitoring_event DISABLE TRIGGER monitoring_event_daily").update();
        try (Connection con = dataSource.getConnection()) {
            CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY monitoring_event (id, process_id, category, state, first_at, last_at, latitude, longitude, admin1, observers, reports, "
                    + "attributed_party_id, decided_by_name, decided_at) FROM STDIN WITH (FORMAT csv)", csvStream(out -> {
                for (int g = 0; g < eventCount; g++) {
                    double lat = sumLat[g] / count[g];
                    double lon = sumLon[g] / count[g];
                    int observers = count[g] == 1 ? 1 : Math.max(1, Long.bitCount(obs[g]));
                    double r = random.nextDouble();
                    String state = r < 0.35 ? "VERIFIED" : r < 0.40 ? "REFUTED" : r < 0.42 ? "INCONCLUSIVE" : observers >= 2 ? "CORROBORATED" : "REPORTED";
                    long cell = (Math.round(lat * 20) << 32) ^ Math.round(lon * 20);
                    String admin1 = admin1Cache.computeIfAbsent(cell, k -> {
                        Geo.Area a = geo.areaOf(lat, lon);
                        return a == null ? "" : a.nameEn();
                    });
                    boolean decided = state.equals("VERIFIED") || state.equals("REFUTED") || state.equals("INCONCLUSIVE");
                    out.printRecord(nextEventId + g, pid, category[g], state, Instant.ofEpochSecond(first[g]), Instant.ofEpochSecond(last[g]), lat, lon,
                            admin1.isEmpty() ? null : admin1, observers, count[g], null, decided ? "Bench observer" : null,
                            decided ? Instant.ofEpochSecond(last[g] + 86_400) : null);
                }
            }));
            copy.copyIn("COPY monitoring_report (process_id, kind, author_account, author_name, observed_from, latitude, longitude, precision_m, "
                    + "category, quantity, confidence, description, language, event_id) FROM STDIN WITH (FORMAT csv)", csvStream(out -> {
                for (int i = 0; i < items.size(); i++) {
                    Grouper.Item it = items.get(i);
                    out.printRecord(pid, "OBSERVER", it.author(), "Bench observer", Instant.ofEpochSecond(it.fromSec()), it.lat(), it.lon(), 100,
                            it.category(), 1, "MEDIUM", "Generated report " + i, "en", nextEventId + groups[i]);
                }
            }));
        }
        jdbc.sql("ALTER TABLE monitoring_event ENABLE TRIGGER monitoring_event_daily").update();
        jdbc.sql("INSERT INTO monitoring_event_daily (process_id, day, state, category, admin1, party_id, events) "
                + "SELECT process_id, (first_at AT TIME ZONE 'UTC')::date, state, category, coalesce(admin1, ''), "
                + "coalesce(attributed_party_id, 0), count(*) FROM monitoring_event WHERE process_id = ? GROUP BY 1, 2, 3, 4, 5, 6").param(pid).update();
        for (String ix : indexes) {
            jdbc.sql(ix.split("\t")[1]).update();
        }
        jdbc.sql("VACUUM ANALYZE monitoring_event").update();
        jdbc.sql("VACUUM ANALYZE monitoring_report").update();
        jdbc.sql("VACUUM ANALYZE monitoring_event_daily").update();
    }

    interface Rows {
        void write(CSVPrinter out) throws Exception;
    }

    /** Writes rows on another thread into a pipe that COPY reads: memory stays bounded. */
    private static java.io.InputStream csvStream(Rows rows) throws Exception {
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
        Thread.ofPlatform().start(() -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16);
                 CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
                rows.write(out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return in;
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
