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
 */
@Component
class MapScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MapScheduler.class);

    private final Consultations consultations;
    private final ConsultationStore store;
    private final OpinionMaps maps;
    private final long intervalMs;
    private ScheduledExecutorService executor;

    MapScheduler(Consultations consultations, ConsultationStore store, OpinionMaps maps,
                 @Value("${parley.consultations.map-interval-ms:1000}") long intervalMs) {
        this.consultations = consultations;
        this.store = store;
        this.maps = maps;
        this.intervalMs = intervalMs;
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
            executor.scheduleWithFixedDelay(this::runOnce, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
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
