package org.parley.engagement;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background loop, on its own thread so neither votes nor other features' schedules wait for it:
 * every interval it closes consultations whose time is up and recomputes the maps whose votes changed.
 * It keeps to a share of one core (a tenth by default): after a round that took t, the next starts
 * t·(1 − share)/share later if that is longer than the interval. So a big consultation's map is
 * recomputed less often rather than taking the CPU the votes it maps need (a 200 ms round under a
 * load of votes: every 2 s instead of every 1.2 s; see docs/PERFORMANCE.md, issue 8).
 */
@Component
class MapScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MapScheduler.class);

    private final Consultations consultations;
    private final ConsultationStore store;
    private final OpinionMaps maps;
    private final long intervalMs;
    private final double cpuShare;
    private ScheduledExecutorService executor;

    MapScheduler(Consultations consultations, ConsultationStore store, OpinionMaps maps,
                 @Value("${parley.consultations.map-interval-ms:1000}") long intervalMs,
                 @Value("${parley.consultations.map-cpu-share:0.1}") double cpuShare) {
        if (!(cpuShare > 0 && cpuShare <= 1)) {
            throw new IllegalArgumentException("parley.consultations.map-cpu-share must be in (0, 1], not " + cpuShare);
        }
        this.consultations = consultations;
        this.store = store;
        this.maps = maps;
        this.intervalMs = intervalMs;
        this.cpuShare = cpuShare;
    }

    /** How long to wait after a round that took {@code tookMs}. */
    long pauseAfter(long tookMs) {
        return Math.max(intervalMs, Math.round(tookMs * (1 / cpuShare - 1)));
    }

    private void loop() {
        long started = System.nanoTime();
        runOnce();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        synchronized (this) {
            if (executor != null) {
                executor.schedule(this::loop, pauseAfter(took), TimeUnit.MILLISECONDS);
            }
        }
    }

    void runOnce() {
        try {
            consultations.closeDue();
            List<Long> live = store.live();
            maps.retainOnly(live);
            for (long id : live) {
                maps.refresh(id);
            }
        } catch (RuntimeException e) {
            log.warn("Opinion map round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null && intervalMs > 0) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opinion-maps");
                t.setDaemon(true);
                return t;
            });
            executor.schedule(this::loop, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
