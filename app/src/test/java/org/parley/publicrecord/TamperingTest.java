package org.parley.publicrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.record.tiles.EntryBundle;
import org.parley.support.ParleyTest;
import org.parley.support.Verifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Someone with write access to the database changes the record behind the parties' backs. parley-verify
 * audit, and a party's witness, must notice and say where. Runs on a database of its own, which it damages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/tamper-test-data", "parley.demo.password=" + ParleyTest.DEMO_PASSWORD})
class TamperingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicRecord record;

    String log;
    String key;

    @BeforeEach
    void integrated() {
        await().atMost(Duration.ofSeconds(20)).until(() -> record.state().treeSize() >= 10
                && jdbc.sql("SELECT count(*) FROM record_entry WHERE leaf_index IS NULL").query(Long.class).single() == 0);
        log = "http://localhost:" + port + "/log";
        key = record.verifierKey();
        assertThat(Verifier.run("audit", "--log", log, "--key", key).exitCode()).isZero();
    }

    @Test
    void changingOneEntrysBytesIsFoundAtThatEntry() {
        byte[] original = bundle();
        List<byte[]> entries = new ArrayList<>(EntryBundle.parse(original, "bundle").entries());
        byte[] changed = entries.get(5).clone();
        changed[changed.length / 2] ^= 0x01;
        entries.set(5, changed);
        try {
            setBundle(EntryBundle.encode(entries));
            var audit = Verifier.run("audit", "--log", log, "--key", key);
            assertThat(audit.exitCode()).isEqualTo(1);
            assertThat(audit.all()).contains("entry 5");
        } finally {
            setBundle(original);
        }
    }

    @Test
    void deletingAnEntryIsFound() {
        byte[] original = bundle();
        List<byte[]> entries = new ArrayList<>(EntryBundle.parse(original, "bundle").entries());
        entries.remove(3);
        try {
            setBundle(EntryBundle.encode(entries));
            var audit = Verifier.run("audit", "--log", log, "--key", key);
            assertThat(audit.exitCode()).isEqualTo(1);
            assertThat(audit.all()).containsPattern("entr(y|ies) 3");
        } finally {
            setBundle(original);
        }
    }

    @Test
    void rollingTheTreeBackIsRefusedByAWitness() throws Exception {
        Path dir = Path.of("target/tamper-witness");
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("witness.key");
        assertThat(Verifier.run("witness", "keygen", "--name", "witness.ua.example/w1", "--out", keyFile.toString()).exitCode()).isZero();
        String[] witness = {"witness", "--log", log, "--key", key, "--state", dir.resolve("state").toString(), "--witness-key", keyFile.toString()};
        var first = Verifier.run(witness);
        assertThat(first.exitCode()).as(first.all()).isZero();

        LogState before = record.state();
        long older = before.treeSize() - 4;
        var old = jdbc.sql("SELECT root_hash, checkpoint FROM record_checkpoint WHERE tree_size <= ? ORDER BY tree_size DESC LIMIT 1")
                .param(older).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2), }).single();
        jdbc.sql("UPDATE record_log SET checkpoint = ? WHERE id = 1").param(old[1]).update();
        try {
            var refused = Verifier.run(witness);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.all()).contains("backwards");
        } finally {
            jdbc.sql("UPDATE record_log SET checkpoint = ? WHERE id = 1").param(before.checkpoint()).update();
        }
        assertThat(Verifier.run(witness).exitCode()).isZero();
    }

    private byte[] bundle() {
        return jdbc.sql("SELECT data FROM record_tile WHERE level = -1 AND tile_index = 0").query(byte[].class).single();
    }

    private void setBundle(byte[] data) {
        jdbc.sql("UPDATE record_tile SET data = ? WHERE level = -1 AND tile_index = 0").param(data).update();
    }
}
