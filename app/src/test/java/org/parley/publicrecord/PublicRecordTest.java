package org.parley.publicrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.support.Fixtures.check;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.record.Checkpoint;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.InclusionProof;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.note.CosignatureSigner;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.note.Note;
import org.parley.record.witness.AddCheckpointRequest;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ParleyTest
class PublicRecordTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicRecord record;

    Api api;
    Api mediator;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
    }

    @Test
    void milestoneFactsBecomeVerifiableEntries() {
        var process = Fixtures.smallProcess(mediator, "2026-01-10");
        long m = Fixtures.milestone(mediator, process.id(), """
                {"title":"Ceasefire","dueKind":"AFTER_START","offsetAmount":2,"offsetUnit":"MONTHS"}""");
        check(mediator.post("/api/v1/processes/" + process.id() + "/milestones/" + m + "/status", """
                {"status":"COMPLETED","reason":"signed","evidence":"https://example.org/signed.pdf","effectiveOn":"2026-02-01"}"""), 200);

        JsonNode facts = await().atMost(Duration.ofSeconds(10)).until(
                () -> check(api.get("/api/v1/record/facts?subject=milestone/" + m), 200).json(),
                f -> f.size() == 2 && !f.get(1).path("leafIndex").isNull() && !f.get(0).path("leafIndex").isNull());
        assertThat(facts.get(0).path("type").asString()).isEqualTo("milestone.created");
        JsonNode changed = Api.json().readTree(facts.get(1).path("json").asString());
        assertThat(changed.path("type").asString()).isEqualTo("milestone.status_changed");
        assertThat(changed.path("data").path("to").asString()).isEqualTo("COMPLETED");
        assertThat(changed.path("data").path("evidenceSha256").asString()).hasSize(64);
        assertThat(facts.get(1).path("json").asString()).doesNotContain("signed.pdf");

        long index = facts.get(1).path("leafIndex").asLong();
        JsonNode proof = check(api.get("/api/v1/record/entries/" + index), 200).json();
        Checkpoint cp = Checkpoint.open(proof.path("checkpoint").asString().getBytes(StandardCharsets.UTF_8),
                Ed25519Verifier.fromVerifierKey(record.verifierKey()));
        List<byte[]> hashes = new ArrayList<>();
        proof.path("inclusionProof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        new InclusionProof(index, cp.size(), hashes)
                .verify(MerkleHasher.leafHash(proof.path("entry").asString().getBytes(StandardCharsets.UTF_8)), cp.rootHash());

        // The same checkpoint over the C2SP endpoint, and the entry's bundle holds the same bytes.
        var checkpoint = api.get("/log/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        Checkpoint served = Checkpoint.open(checkpoint.body().getBytes(StandardCharsets.UTF_8), Ed25519Verifier.fromVerifierKey(record.verifierKey()));
        assertThat(served.size()).isGreaterThanOrEqualTo(cp.size());
    }

    @Test
    void confidentialMinutesNeverReachTheRecord() {
        var process = Fixtures.smallProcess(mediator, "2026-01-10");
        var s = check(mediator.post("/api/v1/processes/" + process.id() + "/sessions", """
                {"trackId":%d,"title":"Closed round","startsAt":"2026-03-05T09:00:00Z","minutesVisibility":"PARTIES"}""".formatted(process.trackId())), 201).json();
        check(mediator.put("/api/v1/processes/" + process.id() + "/sessions/" + s.path("id").asLong() + "/outcome", """
                {"outcome":"Confidential outcome text","minutes":"Confidential minutes","minutesVisibility":"MEDIATOR"}"""), 200);
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE convert_from(entry, 'UTF8') LIKE '%Confidential%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void tilesAreServedAsC2spLaysThemOut() {
        await().atMost(Duration.ofSeconds(10)).until(() -> record.state().treeSize() > 0);
        var cp = api.get("/log/checkpoint");
        assertThat(cp.contentType()).startsWith("text/plain");
        long size = Checkpoint.open(cp.body().getBytes(StandardCharsets.UTF_8), Ed25519Verifier.fromVerifierKey(record.verifierKey())).size();
        String width = size >= 256 ? "" : ".p/" + size;
        var bundle = api.get("/log/tile/entries/000" + width);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(api.get("/log/tile/0/000" + width).status()).isEqualTo(200);
        assertThat(api.get("/log/tile/0/x000/000").status()).isEqualTo(404);   // not canonical
        assertThat(api.get("/log/tile/0/000.p/0").status()).isEqualTo(404);
        assertThat(api.get("/log/tile/9/000").status()).isEqualTo(404);
    }

    @Test
    void aPartysWitnessCosignsWithTlogWitnessSemantics() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> record.state().treeSize() > 0);
        CosignatureSigner witness = CosignatureSigner.generate(Api.unique("witness.ua").replace(' ', '-'), Clock.systemUTC());
        String verifierKey = witness.verifierKey();
        var delegate = api.asDemo("delegate.ua");
        check(delegate.post("/api/v1/record/witnesses", "{\"verifierKey\":\"" + verifierKey + "\"}"), 201);
        assertThat(api.asDemo("observer").post("/api/v1/record/witnesses", "{\"verifierKey\":\"x\"}").status()).isEqualTo(403);

        LogState first = record.state();
        Note cosigned = Note.parse(first.checkpoint().getBytes(StandardCharsets.UTF_8)).withSignatures(witness);
        var ok = post("old 0\n\n" + cosigned);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).startsWith("— " + witness.keyName() + " ");

        // The same old size again: the witness is behind what Parley holds, so 409 with the held size.
        var conflict = post("old 0\n\n" + cosigned);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().trim()).isEqualTo(String.valueOf(first.treeSize()));

        // Grow the log, then cosign the new checkpoint with a consistency proof from the old size.
        var process = Fixtures.smallProcess(mediator, "2026-01-10");
        await().atMost(Duration.ofSeconds(10)).until(() -> record.state().treeSize() > first.treeSize()
                && jdbc.sql("SELECT count(*) FROM record_entry WHERE leaf_index IS NULL").query(Long.class).single() == 0);
        LogState second = record.state();
        ConsistencyProof proof = record.consistencyProof(first.treeSize(), second.treeSize());
        Note next = Note.parse(second.checkpoint().getBytes(StandardCharsets.UTF_8)).withSignatures(witness);
        byte[] body = new AddCheckpointRequest(first.treeSize(), proof.hashes(), next.toBytes()).toBytes();
        assertThat(post(new String(body, StandardCharsets.UTF_8)).status()).isEqualTo(200);

        var summary = api.get("/api/v1/record").json();
        if (summary.path("treeSize").asLong() == second.treeSize()) {
            assertThat(summary.path("cosigners").findValuesAsString("name")).contains(witness.keyName());
        }

        // A wrong proof is refused and changes nothing.
        List<byte[]> bad = new ArrayList<>(proof.hashes());
        if (!bad.isEmpty()) {
            bad.set(0, new byte[32]);
            var refused = post(new String(new AddCheckpointRequest(first.treeSize(), bad, next.toBytes()).toBytes(), StandardCharsets.UTF_8));
            assertThat(refused.status()).isIn(409, 422);
        }
        // A checkpoint this log never signed is refused.
        var forged = post("old " + second.treeSize() + "\n\n" + second.checkpoint().replace(second.origin(), "evil.example/log"));
        assertThat(forged.status()).isIn(400, 403);
        assertThat(process.id()).isPositive();
    }

    private Api.Response post(String body) {
        return api.sendText("/log/add-checkpoint", body);
    }
}
