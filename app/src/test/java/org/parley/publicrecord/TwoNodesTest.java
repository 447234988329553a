package org.parley.publicrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.parley.ParleyApplication;
import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.tiles.EntryBundle;
import org.parley.record.tiles.Integrator;
import org.parley.record.tiles.MemoryTileStore;
import org.parley.record.tiles.TileHashReader;
import org.parley.record.tiles.TileLayout;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app nodes on one database, both appending and both running a sequencer: the advisory lock and the
 * locked log row must let exactly one integrate each batch, so the log stays one consistent tree.
 */
@ParleyTest
class TwoNodesTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    PublicRecord nodeOne;

    @Autowired
    TransactionTemplate txOne;

    @Autowired
    PostgresTileStore tiles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoNodesAppendingAtOnceKeepOneConsistentLog() throws Exception {
        // Command-line arguments, so that they win over application.yml as environment variables would.
        try (ConfigurableApplicationContext nodeTwo = new SpringApplicationBuilder(ParleyApplication.class).run(
                "--parley.database.url=" + dataSource.getJdbcUrl(),
                "--parley.database.user=postgres",
                "--parley.data-dir=target/test-data",
                "--parley.demo.enabled=false",
                "--server.port=0",
                "--spring.jmx.enabled=false")) {
            PublicRecord recordTwo = nodeTwo.getBean(PublicRecord.class);
            TransactionTemplate txTwo = nodeTwo.getBean(TransactionTemplate.class);
            long before = nodeOne.state().treeSize();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            int perClient = 300;
            for (int client = 0; client < 4; client++) {
                PublicRecord target = client % 2 == 0 ? nodeOne : recordTwo;
                TransactionTemplate tx = client % 2 == 0 ? txOne : txTwo;
                int c = client;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i += 10) {
                        int from = i;
                        tx.executeWithoutResult(s -> {
                            for (int k = from; k < from + 10; k++) {
                                target.append(Fact.of("test.two_nodes", null, "test/" + c + "/" + k, Instant.now(), "SYSTEM", Map.of("n", k)));
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.sql("SELECT count(*) FROM record_entry WHERE leaf_index IS NULL").query(Long.class).single() == 0);
            long size = nodeOne.state().treeSize();
            assertThat(size).isGreaterThanOrEqualTo(before + 4L * perClient);
            assertThat(nodeTwo.getBean(PublicRecord.class).state().treeSize()).isEqualTo(size);

            // Leaf indexes are exactly 0..size-1, each once.
            assertThat(jdbc.sql("SELECT count(DISTINCT leaf_index) FROM record_entry WHERE leaf_index IS NOT NULL").query(Long.class).single())
                    .isEqualTo(size);
            assertThat(jdbc.sql("SELECT max(leaf_index) FROM record_entry").query(Long.class).single()).isEqualTo(size - 1);

            assertRebuildMatches(size);
            assertEveryCheckpointConsistent(size);
        }
    }

    /** Rebuilds the whole tree from the stored entries and compares every tile and the root with what is served. */
    private void assertRebuildMatches(long size) throws Exception {
        List<byte[]> entries = jdbc.sql("SELECT entry FROM record_entry WHERE leaf_index IS NOT NULL ORDER BY leaf_index")
                .query((rs, n) -> rs.getBytes(1)).list();
        MemoryTileStore rebuilt = new MemoryTileStore();
        TreeHead head = new Integrator(rebuilt).append(0, entries);
        Checkpoint cp = Checkpoint.open(nodeOne.state().checkpoint().getBytes(StandardCharsets.UTF_8),
                Ed25519Verifier.fromVerifierKey(nodeOne.verifierKey()));
        assertThat(cp.size()).isEqualTo(size);
        assertThat(head.rootHash()).isEqualTo(cp.rootHash());
        for (long t = 0; t < TileLayout.tileCount(0, size); t++) {
            int w = TileLayout.width(0, t, size);
            assertThat(tiles.readTile(0, t, w)).get().isEqualTo(rebuilt.readTile(0, t, w).orElseThrow());
            byte[] bundle = tiles.readEntryBundle(t, w).orElseThrow();
            assertThat(EntryBundle.parse(bundle, "bundle " + t).size()).isEqualTo(w);
        }
        assertThat(new ProofBuilder(new TileHashReader(tiles, size)).rootHash(size)).isEqualTo(cp.rootHash());
    }

    /** Every checkpoint ever published is a prefix of the current tree. */
    private void assertEveryCheckpointConsistent(long size) {
        byte[] root = nodeOne.state().rootHash();
        jdbc.sql("SELECT tree_size, root_hash FROM record_checkpoint WHERE tree_size > 0 AND tree_size < ? ORDER BY tree_size")
                .param(size)
                .query((rs, n) -> {
                    long old = rs.getLong(1);
                    ConsistencyProof proof = nodeOne.consistencyProof(old, size);
                    proof.verify(rs.getBytes(2), root);
                    return old;
                }).list();
    }
}
