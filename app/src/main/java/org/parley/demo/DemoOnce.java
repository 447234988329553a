package org.parley.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiConsumer;

import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every feature's demo does before it loads: in one transaction under DemoLoader's advisory lock (so
 * two nodes starting together load it once), skip if its marker is set, find the demo process and its
 * mediator, load, and set the marker. A feature demo passes its marker and what it loads.
 */
@Component
class DemoOnce {

    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    private static final long LOCK = 0x5041524c4559L; // DemoLoader's lock

    private final Processes processes;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoOnce(Processes processes, Accounts accounts, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.processes = processes;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Loads once per installation; returns whether this call loaded it. */
    boolean load(String marker, BiConsumer<Process, Viewer> loader) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM installation_setting WHERE setting_key = ?)").param(marker).query(Boolean.class).single()) {
                return false;
            }
            Process process = processes.all().stream().filter(p -> p.name().equals(PROCESS))
                    .min(java.util.Comparator.comparing(Process::id)).orElse(null);
            var mediator = accounts.findByEmail("mediator@demo.parley").orElse(null);
            if (process == null || mediator == null) {
                return false;
            }
            loader.accept(process, new Viewer(mediator.id(), mediator.email(), mediator.displayName(), Role.MEDIATOR, null));
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(marker, LocalDate.now(clock).toString()).update();
            return true;
        }));
    }
}
