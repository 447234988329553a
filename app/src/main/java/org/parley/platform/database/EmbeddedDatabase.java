package org.parley.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 server Parley runs when no external database is named. Its cluster lives under
 * the data directory and outlives the app; fsync and synchronous commit are switched back on because
 * zonky ships them off for tests and a platform of record must not lose acknowledged writes.
 *
 * <p>One server per data directory per JVM: test contexts with different settings share it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "parley";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path cluster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path cluster) {
        this.postgres = postgres;
        this.cluster = cluster;
    }

    static EmbeddedDatabase startOrGet(Path dataDir, Integer fixedPort, Map<String, String> settings) {
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        return RUNNING.computeIfAbsent(cluster, c -> start(c, fixedPort, settings));
    }

    private static EmbeddedDatabase start(Path cluster, Integer fixedPort, Map<String, String> settings) {
        try {
            Files.createDirectories(cluster);
            stopLeftoverPostmaster(cluster);
            boolean fresh = !Files.exists(cluster.resolve("PG_VERSION"));
            int port = fixedPort != null ? fixedPort : freePort();
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true);
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, cluster);
            db.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL {} on port {} in {} ms (cluster {}{})", db.serverVersion(), port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cluster, fresh ? ", new" : "");
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, e);
        }
    }

    /**
     * A run killed with -9 leaves its postmaster behind, still holding the cluster. Starting another
     * one beside it would fail; reattaching to it would keep settings and a port from the dead run.
     * So it is shut down (fast mode: it rolls back open transactions, keeps everything committed)
     * and started afresh.
     */
    static void stopLeftoverPostmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself recovers from it
        }
        log.warn("A postmaster (pid {}) from an earlier run still holds {}; shutting it down", pid, cluster);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The postmaster " + pid + " left by an earlier run did not stop; stop it and start again", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    private String serverVersion() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    Path cluster() {
        return cluster;
    }

    @Override
    public void close() throws IOException {
        RUNNING.remove(cluster);
        postgres.close();
    }
}
