package org.parley.publicrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.parley.record.Checkpoint;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.note.Ed25519Verifier;
import org.parley.support.Api;
import org.parley.support.ParleyProcess;
import org.parley.support.Verifier;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 while facts are appended as fast as clients can: after a restart, no acknowledged fact is
 * missing from the record, the audit passes, and the tree is consistent with every checkpoint anyone
 * saw before the crash.
 */
class CrashRecoveryTest {

    @Test
    void aKilledNodeLosesNoAcknowledgedEntryAndNeverForksTheLog() throws Exception {
        Path data = Path.of("target/crash-test-data");
        FileSystemUtils.deleteRecursively(data);
        ParleyProcess node = new ParleyProcess(data, Map.of()).start();
        String key;
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> seenCheckpoints = new ArrayList<>();
        try {
            Api api = node.api();
            Api mediator = api.asDemo("mediator");
            key = api.get("/api/v1/record").json().path("verifierKey").asString();
            long process = api.get("/api/v1/processes").json().get(0).path("id").asLong();

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            var r = mediator.post("/api/v1/processes/" + process + "/milestones", """
                                    {"title":"Load %d-%d","dueKind":"AFTER_START","offsetAmount":%d,"offsetUnit":"DAYS"}"""
                                    .formatted(client, i, i % 300));
                            if (r.status() == 201) {
                                acknowledged.add(r.json().path("id").asLong());
                            }
                        } catch (RuntimeException connectionRefused) {
                            return;
                        }
                    }
                });
            }
            // At least 4 s of appends, longer on a busy machine until enough were acknowledged (at most 60 s).
            long atLeast = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            long atMost = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < atLeast || (acknowledged.size() <= 20 || seenCheckpoints.size() <= 3) && System.nanoTime() < atMost) {
                String cp = api.get("/log/checkpoint").body();
                if (seenCheckpoints.isEmpty() || !seenCheckpoints.getLast().equals(cp)) {
                    seenCheckpoints.add(cp);
                }
                Thread.sleep(50);
            }
            node.kill();
            stop.set(true);
            clients.shutdownNow();
        } catch (Exception e) {
            node.kill();
            throw e;
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);
        assertThat(seenCheckpoints).hasSizeGreaterThan(3);

        try (ParleyProcess again = new ParleyProcess(data, Map.of()).start()) {
            Api api = again.api();
            // Every acknowledged milestone is there, and its creation is on the record.
            for (long id : acknowledged) {
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    var facts = api.get("/api/v1/record/facts?subject=milestone/" + id).json();
                    return facts.size() >= 1 && !facts.get(0).path("leafIndex").isNull();
                });
            }
            String url = "http://localhost:" + again.port() + "/log";
            var audit = Verifier.run("audit", "--log", url, "--key", key);
            assertThat(audit.exitCode()).as(audit.all()).isZero();

            String now = api.get("/log/checkpoint").body();
            Ed25519Verifier verifier = Ed25519Verifier.fromVerifierKey(key);
            Checkpoint current = Checkpoint.open(now.getBytes(StandardCharsets.UTF_8), verifier);
            for (String seen : seenCheckpoints) {
                Checkpoint old = Checkpoint.open(seen.getBytes(StandardCharsets.UTF_8), verifier);
                assertThat(old.size()).isLessThanOrEqualTo(current.size());
                if (old.size() == 0 || old.size() == current.size()) {
                    continue;
                }
                var proof = api.get("/api/v1/record/consistency?from=" + old.size() + "&to=" + current.size()).json();
                List<byte[]> hashes = new ArrayList<>();
                proof.path("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
                new ConsistencyProof(old.size(), current.size(), hashes).verify(old.rootHash(), current.rootHash());
            }
        }
    }
}
