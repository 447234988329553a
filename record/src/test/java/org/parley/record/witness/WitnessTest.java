package org.parley.record.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.record.Checkpoint;
import org.parley.record.MalformedNoteException;
import org.parley.record.TreeHead;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.note.CosignatureSigner;
import org.parley.record.note.CosignatureVerifier;
import org.parley.record.note.Ed25519Signer;
import org.parley.record.note.Note;
import org.parley.record.tiles.Integrator;
import org.parley.record.tiles.MemoryTileStore;
import org.parley.record.tiles.TileHashReader;

class WitnessTest {

    private static final String ORIGIN = "parley.example/log";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private final Ed25519Signer logKey = Ed25519Signer.generate(ORIGIN);
    private final CosignatureSigner witnessKey = CosignatureSigner.generate("witness.example/w1", CLOCK);
    private final Witness witness = new Witness(witnessKey, Map.of(ORIGIN, List.of(logKey.verifier())));
    private final Map<String, TreeHead> state = new HashMap<>();
    private final MemoryTileStore store = new MemoryTileStore();
    private final Integrator integrator = new Integrator(store);
    private long size;

    @BeforeEach
    void grow() throws IOException {
        grow(10);
    }

    @Test
    void cosignsTheFirstCheckpointAndThenConsistentOnes() throws IOException {
        Witness.Cosigned first = submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        assertEquals(10, first.checkpoint().size());
        assertEquals(Optional.empty(), first.previous());
        Note.parse(first.note().toBytes()).verify(witnessKey.verifier());
        assertEquals(1_700_000_000L, CosignatureVerifier.timestamp(first.cosignature()).orElseThrow());

        grow(300);
        Witness.Cosigned second = submit(AddCheckpointRequest.of(proof(10, size), checkpoint()));
        assertEquals(310, second.checkpoint().size());
        assertEquals(Optional.of(first.checkpoint().treeHead()), second.previous());
        Checkpoint.open(second.note().toBytes(), logKey.verifier(), witnessKey.verifier());
    }

    @Test
    void refusesToGoBackwards() throws IOException {
        byte[] small = checkpoint();
        grow(5);
        submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        WitnessException e = assertThrows(WitnessException.class, () -> submit(new AddCheckpointRequest(15, List.of(), small)));
        assertEquals(WitnessException.Reason.BAD_REQUEST, e.reason());
        assertEquals(400, e.reason().httpStatus());
    }

    @Test
    void staleOldSizeIsAConflictNamingTheLatestSize() throws IOException {
        submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        grow(7);
        WitnessException e = assertThrows(WitnessException.class,
                () -> submit(new AddCheckpointRequest(0, List.of(), checkpoint())));
        assertEquals(WitnessException.Reason.CONFLICT, e.reason());
        assertEquals(10, e.latestSize().orElseThrow());
    }

    @Test
    void inconsistentCheckpointIsRefused() throws IOException {
        submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        // A fork: a different log history of size 20 signed by the same key.
        MemoryTileStore forkStore = new MemoryTileStore();
        TreeHead fork = new Integrator(forkStore).append(0, entries(20, new Random(99)));
        byte[] forked = new Checkpoint(ORIGIN, fork).sign(logKey).toBytes();
        ConsistencyProof proof = new ProofBuilder(new TileHashReader(forkStore, 20)).consistencyProof(10, 20);
        WitnessException e = assertThrows(WitnessException.class, () -> submit(AddCheckpointRequest.of(proof, forked)));
        assertEquals(WitnessException.Reason.INCONSISTENT, e.reason());
        assertEquals(422, e.reason().httpStatus());
    }

    @Test
    void sameSizeWithAnotherRootIsAConflict() throws IOException {
        submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        TreeHead other = new Integrator(new MemoryTileStore()).append(0, entries(10, new Random(98)));
        byte[] forked = new Checkpoint(ORIGIN, other).sign(logKey).toBytes();
        WitnessException e = assertThrows(WitnessException.class, () -> submit(new AddCheckpointRequest(10, List.of(), forked)));
        assertEquals(WitnessException.Reason.CONFLICT, e.reason());
    }

    @Test
    void unknownLogsAndUntrustedSignaturesAreRefused() throws IOException {
        TreeHead head = integrator.append(size, List.of());
        byte[] unknown = new Checkpoint("other.example/log", head).sign(Ed25519Signer.generate("other.example/log")).toBytes();
        assertEquals(404, assertThrows(WitnessException.class,
                () -> submit(new AddCheckpointRequest(0, List.of(), unknown))).reason().httpStatus());
        byte[] forged = new Checkpoint(ORIGIN, head).sign(Ed25519Signer.generate(ORIGIN)).toBytes();
        assertEquals(403, assertThrows(WitnessException.class,
                () -> submit(new AddCheckpointRequest(0, List.of(), forged))).reason().httpStatus());
    }

    @Test
    void requestsRoundTripAndParseStrictly() {
        byte[] checkpoint = checkpoint();
        AddCheckpointRequest request = new AddCheckpointRequest(7, List.of(new byte[32], new byte[32]), checkpoint);
        String body = new String(request.toBytes(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("old 7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n"));
        AddCheckpointRequest parsed = AddCheckpointRequest.parse(request.toBytes());
        assertEquals(7, parsed.oldSize());
        assertEquals(2, parsed.proof().size());
        assertArrayEquals(checkpoint, parsed.checkpoint());

        for (String bad : List.of("old 07\n\n" + new String(checkpoint), "old 1\n", "new 1\n\nx", "old -1\n\nx",
                "old 1\nnot a hash\n\nx", "old 1\n\n", "old 1\nAAAA\n\nx")) {
            assertThrows(MalformedNoteException.class, () -> AddCheckpointRequest.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void responsesCarryCosignatureLines() throws IOException {
        Witness.Cosigned cosigned = submit(new AddCheckpointRequest(0, List.of(), checkpoint()));
        byte[] body = Witness.responseBody(List.of(cosigned.cosignature()));
        assertEquals(List.of(cosigned.cosignature()), Witness.parseResponse(body));
        Note withResponse = Note.parse(checkpoint()).withSignatures(Witness.parseResponse(body));
        withResponse.verify(witnessKey.verifier());
    }

    private Witness.Cosigned submit(AddCheckpointRequest request) throws IOException {
        Witness.Cosigned cosigned = witness.addCheckpoint(request, origin -> Optional.ofNullable(state.get(origin)));
        state.put(cosigned.checkpoint().origin(), cosigned.checkpoint().treeHead());
        return cosigned;
    }

    private void grow(int n) throws IOException {
        integrator.append(size, entries(n, new Random(size)));
        size += n;
    }

    private byte[] checkpoint() {
        try {
            return new Checkpoint(ORIGIN, integrator.append(size, List.of())).sign(logKey).toBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ConsistencyProof proof(long oldSize, long newSize) throws IOException {
        return new ProofBuilder(new TileHashReader(store, newSize)).consistencyProof(oldSize, newSize);
    }

    private static List<byte[]> entries(int n, Random random) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return b;
        }).toList();
    }
}
