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

/**
 * The 4W gap aggregation (need against reach by area and sector) over one process with 1,000,000 activities,
 * through the service and through the public JSON API, against a baseline measured in the same run: the same
 * aggregation as a GROUP BY over the activities themselves (what the running totals replace). Run on demand:
 * {@code ./mvnw -B -pl app test -Dtest=GapAggregationBenchmark -Dparley.bench=true [-Dparley.bench.activities=1000000]}
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
    org.springframework.transaction.support.TransactionTemplate tx;

    @LocalServerPort
    int port;

    @Test
    void gapsOverAMillionActivities() throws Exception {
        int size = Integer.getInteger("parley.bench.activities", 1_000_000);
        String name = "Gap benchmark v2 " + size;
        Long pid = jdbc.sql("SELECT id FROM process WHERE name = ?").param(name).query(Long.class).optional().orElse(null);
        if (pid == null) {
            pid = tx.execute(status -> load(name, size));
        }
        run(pid);
    }

    /** One process with its needs (every area and sector) and the activities, in one transaction. */
    private long load(String name, int size) {
        {
            long t0 = System.nanoTime();
            long pid = jdbc.sql("INSERT INTO process (name, start_date, status, languages) VALUES (?, current_date, 'ACTIVE', '{en}') RETURNING id")
                    .param(name).query(Long.class).single();
            long org = jdbc.sql("INSERT INTO hum_organisation (process_id, acronym, name, kind) VALUES (?, 'WFP', 'World Food Programme', 'UN_AGENCY') RETURNING id")
                    .param(pid).query(Long.class).single();
            String sectors = "ARRAY[" + String.join(",", Arrays.stream(Sector.values()).map(s -> "'" + s.name() + "'").toList()) + "]";
            jdbc.sql("INSERT INTO hum_need (process_id, area_pcode, sector, people_in_need, people_targeted, period_start, period_end, source) "
                    + "SELECT ?, a.pcode, s, 100000 + (hashtext(a.pcode || s) & 65535) * 10, 90000, date '2026-01-01', date '2026-12-31', 'bench' "
                    + "FROM hum_area a, unnest(" + sectors + ") s").param(pid).update();
            jdbc.sql("INSERT INTO hum_activity (process_id, organisation_id, sector, activity, area_pcode, period_start, period_end, people_reached, status) "
                    + "SELECT ?, ?, (" + sectors + ")[1 + (g % 11)], 'bench activity', pcodes[1 + ((g / 11) % cardinality(pcodes))], "
                    + "date '2026-01-01', date '2026-02-01', (g::bigint * 7919) % 500, 'COMPLETED' "
                    + "FROM generate_series(1, ?) g, (SELECT array_agg(pcode ORDER BY pcode) AS pcodes FROM hum_area) a")
                    .params(pid, org, size).update();
            System.out.printf("Loaded %,d activities in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            return pid;
        }
    }

    private void run(long pid) throws Exception {
        jdbc.sql("ANALYZE hum_activity").update();
        long activities = jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single();
        System.out.printf("== 4W gap aggregation: process %d with %,d activities ==%n", pid, activities);

        // The running totals agree with a scan.
        long fromTotals = humanitarian.gaps(pid, null).stream().mapToLong(Humanitarian.Gap::peopleReached).sum();
        long fromScan = jdbc.sql("SELECT sum(people_reached) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single();
        if (fromTotals != fromScan) {
            throw new AssertionError("totals " + fromTotals + " != scan " + fromScan);
        }

        final long p = pid;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/processes/" + p + "/humanitarian/gaps"))
                .header("Accept", "application/json").build();
        for (int round = 1; round <= 3; round++) {
            System.out.printf("-- run %d%n", round);
            report("service gaps()", 300, () -> humanitarian.gaps(p, null).size());
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
