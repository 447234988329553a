package org.parley.humanitarian;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 4W gap aggregation (need against reach by area and sector) over one process with 1,000,000 activities
 * spread over the oblasts and raions, through the service and through the public JSON API, against a baseline
 * measured in the same run: the same aggregation as a GROUP BY over the activities themselves (what the running
 * totals replace). It also measures what the running totals cost the inserts: activities inserted with and
 * without the triggers, in bulk and one by one, each time rolled back. Run on demand, the load apart from the
 * measurement so that the measurement can run alone on the machine:
 * {@code ./mvnw -B -pl app test -Dtest=GapAggregationBenchmark -Dparley.bench=true [-Dparley.bench.load-only=true]
 * [-Dparley.bench.activities=1000000]}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/bench-data-humanitarian", "parley.demo.enabled=false"})
class GapAggregationBenchmark {

    @Autowired
    Humanitarian humanitarian;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @LocalServerPort
    int port;

    static final String SECTORS = "ARRAY[" + String.join(",", Arrays.stream(Sector.values()).map(s -> "'" + s.name() + "'").toList()) + "]";

    @Test
    void gapsOverAMillionActivities() throws Exception {
        int size = Integer.getInteger("parley.bench.activities", 1_000_000);
        String name = "Gap benchmark v3 " + size;
        Long pid = jdbc.sql("SELECT id FROM process WHERE name = ?").param(name).query(Long.class).optional().orElse(null);
        if (pid == null) {
            pid = tx.execute(status -> load(name, size));
            jdbc.sql("VACUUM ANALYZE hum_activity").update();
        }
        if (Boolean.getBoolean("parley.bench.load-only")) {
            return;
        }
        run(pid);
        insertCost(pid);
    }

    /** One process with its needs (every oblast and sector) and the activities over oblasts and raions, in one transaction. */
    private long load(String name, int size) {
        long t0 = System.nanoTime();
        long pid = jdbc.sql("INSERT INTO process (name, start_date, status, languages) VALUES (?, current_date, 'ACTIVE', '{en}') RETURNING id")
                .param(name).query(Long.class).single();
        long org = jdbc.sql("INSERT INTO hum_organisation (process_id, acronym, name, kind) VALUES (?, 'WFP', 'World Food Programme', 'UN_AGENCY') RETURNING id")
                .param(pid).query(Long.class).single();
        jdbc.sql("INSERT INTO hum_need (process_id, area_pcode, sector, people_in_need, people_targeted, period_start, period_end, source) "
                + "SELECT ?, a.pcode, s, 100000 + (hashtext(a.pcode || s) & 65535) * 10, 90000, date '2026-01-01', date '2026-12-31', 'bench' "
                + "FROM hum_area a, unnest(" + SECTORS + ") s WHERE a.admin_level = 1").param(pid).update();
        insertActivities(pid, org, 1, size);
        System.out.printf("Loaded %,d activities in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
        return pid;
    }

    /** Activities {@code from..to} of the process, as one statement, spread over every area (oblasts and raions) and sector. */
    private void insertActivities(long pid, long org, int from, int to) {
        jdbc.sql("INSERT INTO hum_activity (process_id, organisation_id, sector, activity, area_pcode, period_start, period_end, people_reached, status) "
                        + "SELECT ?, ?, (" + SECTORS + ")[1 + (g % 11)], 'bench activity', pcodes[1 + ((g / 11) % cardinality(pcodes))], "
                        + "date '2026-01-01', date '2026-02-01', (g::bigint * 7919) % 500, 'COMPLETED' "
                        + "FROM generate_series(?, ?) g, (SELECT array_agg(pcode ORDER BY pcode) AS pcodes FROM hum_area) a")
                .params(pid, org, from, to).update();
    }

    private void run(long pid) throws Exception {
        long activities = jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single();
        System.out.printf("== 4W gap aggregation: process %d with %,d activities ==%n", pid, activities);

        // The running totals agree with a scan, at both levels.
        long fromTotals = humanitarian.gaps(pid, null).stream().mapToLong(Humanitarian.Gap::peopleReached).sum();
        long inRaions = humanitarian.gaps(pid, null, 2).stream().mapToLong(Humanitarian.Gap::peopleReached).sum();
        long fromScan = jdbc.sql("SELECT sum(people_reached) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single();
        long raionScan = jdbc.sql("SELECT sum(a.people_reached) FROM hum_activity a JOIN hum_area r ON r.pcode = a.area_pcode "
                + "WHERE a.process_id = ? AND r.admin_level = 2").param(pid).query(Long.class).single();
        if (fromTotals != fromScan || inRaions != raionScan) {
            throw new AssertionError("totals " + fromTotals + "/" + inRaions + " != scan " + fromScan + "/" + raionScan);
        }

        final long p = pid;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/processes/" + p + "/humanitarian/gaps"))
                .header("Accept", "application/json").build();
        for (int round = 1; round <= 3; round++) {
            System.out.printf("-- run %d%n", round);
            report("service gaps() oblasts", 300, () -> humanitarian.gaps(p, null).size());
            report("service gaps() raions", 300, () -> humanitarian.gaps(p, null, 2).size());
            report("GET /gaps (JSON over HTTP)", 300, () -> {
                try {
                    return http.send(get, HttpResponse.BodyHandlers.ofString()).body().length();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            report("baseline: GROUP BY scan", 15, () -> humanitarian.reachedByScan(p).size());
        }
    }

    /**
     * What the statement-level triggers add to inserts: the same inserts with the triggers and with them disabled,
     * alternating, each in a transaction that is rolled back (so the kept data does not grow).
     */
    private void insertCost(long pid) {
        long org = jdbc.sql("SELECT id FROM hum_organisation WHERE process_id = ?").param(pid).query(Long.class).single();
        System.out.println("== insert cost of the running totals ==");
        List<Double> bulkWith = new ArrayList<>();
        List<Double> bulkWithout = new ArrayList<>();
        List<Double> oneWith = new ArrayList<>();
        List<Double> oneWithout = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (boolean triggers : new boolean[]{round % 2 == 0, round % 2 != 0}) {
                double bulk = timed(triggers, () -> insertActivities(pid, org, 2_000_001, 2_100_000));
                double single = timed(triggers, () -> {
                    for (int i = 0; i < 1_000; i++) {
                        jdbc.sql("INSERT INTO hum_activity (process_id, organisation_id, sector, activity, area_pcode, period_start, period_end, "
                                        + "people_reached, status) VALUES (?, ?, 'HEALTH', 'bench single', 'UA1402', date '2026-01-01', date '2026-01-31', ?, "
                                        + "'COMPLETED')")
                                .params(pid, org, i).update();
                    }
                });
                (triggers ? bulkWith : bulkWithout).add(bulk);
                (triggers ? oneWith : oneWithout).add(single);
            }
        }
        System.out.printf("bulk 100,000 rows in one statement: with triggers median %.1f ms, without %.1f ms (all with %s, without %s)%n",
                median(bulkWith), median(bulkWithout), bulkWith, bulkWithout);
        System.out.printf("1,000 single-row inserts: with triggers median %.1f ms (%.0f us a row), without %.1f ms (%.0f us a row) (all with %s, without %s)%n",
                median(oneWith), median(oneWith), median(oneWithout), median(oneWithout), oneWith, oneWithout);
    }

    /** Milliseconds the work takes in a transaction that is then rolled back, with or without the user triggers. */
    private double timed(boolean triggers, Runnable work) {
        return tx.execute(status -> {
            if (!triggers) {
                jdbc.sql("ALTER TABLE hum_activity DISABLE TRIGGER USER").update();
            }
            long t = System.nanoTime();
            work.run();
            double ms = (System.nanoTime() - t) / 1e6;
            status.setRollbackOnly();
            return Math.round(ms * 10) / 10.0;
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String what, int n, Supplier<Integer> call) {
        for (int i = 0; i < Math.min(10, n); i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        System.out.printf("%-28s n=%4d  p50=%8.2f ms  p95=%8.2f ms  max=%8.2f ms%n", what, n, ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1),
                ms.get(n - 1));
    }
}
