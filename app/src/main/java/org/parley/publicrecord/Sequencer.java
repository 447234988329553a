package org.parley.publicrecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.tiles.Integrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integrates pending entries into the tree and signs a new checkpoint, batch by batch: as soon as
 * entries are committed, and at least every {@code parley.record.interval}. Any app node may run it;
 * a PostgreSQL advisory lock lets one at a time through, and the log's row is locked as well, so two
 * nodes can never integrate the same size twice. Each batch (bundles, tiles, leaf indexes, checkpoint)
 * is one transaction: after a crash the log is exactly as the last committed checkpoint says.
 */
@Component
class Sequencer implements SmartLifecycle {

    private static final long LOCK = 0x5245434f5244L; // "RECORD"
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PostgresTileStore tiles;
    private final LogKey key;
    private final RecordProperties props;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    Sequencer(JdbcClient jdbc, TransactionTemplate tx, PostgresTileStore tiles, LogKey key, RecordProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tiles = tiles;
        this.key = key;
        this.props = props;
    }

    /** Creates the empty log on first start, and refuses to run with a key or origin other than the log's own. */
    void initialise() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            var existing = jdbc.sql("SELECT origin, verifier_key FROM record_log WHERE id = 1")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (existing.isPresent()) {
                if (!existing.get()[1].equals(key.verifierKey())) {
                    throw new IllegalStateException("The public record was started with the verifier key " + existing.get()[1]
                            + " but this node has " + key.verifierKey() + ": give every node the log's own key (PARLEY_RECORD_PRIVATE_KEY)");
                }
                return;
            }
            byte[] root = MerkleHasher.emptyRootHash();
            String checkpoint = signed(new TreeHead(0, root));
            jdbc.sql("INSERT INTO record_log (id, origin, verifier_key, tree_size, root_hash, checkpoint) VALUES (1, ?, ?, 0, ?, ?)")
                    .params(props.origin(), key.verifierKey(), root, checkpoint).update();
            jdbc.sql("INSERT INTO record_checkpoint (tree_size, root_hash, checkpoint) VALUES (0, ?, ?)").params(root, checkpoint).update();
        });
    }

    /** Asks for a batch now, e.g. after a transaction that appended entries has committed. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Integrates one batch if this node holds the sequencer lock.
     *
     * @return how many entries were integrated
     */
    int integrateBatch() {
        Integer done = tx.execute(s -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return 0;
            }
            long size = jdbc.sql("SELECT tree_size FROM record_log WHERE id = 1 FOR UPDATE").query(Long.class).single();
            List<Long> ids = new ArrayList<>();
            List<byte[]> entries = new ArrayList<>();
            // No row locks needed: only the sequencer, which holds the lock above, ever touches pending rows.
            jdbc.sql("SELECT id, entry FROM record_entry WHERE leaf_index IS NULL ORDER BY id LIMIT ?")
                    .param(props.batchSize())
                    .query(rs -> {
                        ids.add(rs.getLong(1));
                        entries.add(rs.getBytes(2));
                    });
            if (ids.isEmpty()) {
                return 0;
            }
            TreeHead head;
            try {
                head = new Integrator(tiles).append(size, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("""
                    UPDATE record_entry e SET leaf_index = v.idx
                    FROM unnest(?::bigint[], ?::bigint[]) AS v(id, idx) WHERE e.id = v.id""")
                    .params(ids.toArray(Long[]::new), indexes(size, ids.size()))
                    .update();
            String checkpoint = signed(head);
            jdbc.sql("UPDATE record_log SET tree_size = ?, root_hash = ?, checkpoint = ?, updated_at = now() WHERE id = 1")
                    .params(head.size(), head.rootHash(), checkpoint).update();
            jdbc.sql("INSERT INTO record_checkpoint (tree_size, root_hash, checkpoint, published_at) VALUES (?, ?, ?, ?)")
                    .params(head.size(), head.rootHash(), checkpoint, OffsetDateTime.now()).update();
            return ids.size();
        });
        return done == null ? 0 : done;
    }

    private static Long[] indexes(long from, int count) {
        Long[] out = new Long[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private String signed(TreeHead head) {
        return new String(new Checkpoint(props.origin(), head).sign(key.signer()).toBytes(), StandardCharsets.UTF_8);
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(props.interval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && integrateBatch() > 0) {
                    // keep going while there is a backlog
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("The sequencer failed a batch; it will retry", e);
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        initialise();
        log.info("Public record {} signed by verifier key {}", props.origin(), key.verifierKey());
        running = true;
        thread = Thread.ofPlatform().name("record-sequencer").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
