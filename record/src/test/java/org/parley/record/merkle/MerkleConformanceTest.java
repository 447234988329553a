package org.parley.record.merkle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.parley.record.InvalidProofException;
import org.parley.record.testing.Json;
import org.parley.record.testing.SharedData;

/**
 * Every inclusion and consistency case from transparency-dev/merkle's test data: the valid ones
 * must verify and every tampered one must be rejected.
 */
class MerkleConformanceTest {

    private static final Path MERKLE = SharedData.tlog().resolve("merkle");

    @TestFactory
    Stream<DynamicTest> inclusionCases() throws IOException {
        return cases("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Map<String, Object> c = Json.parseObject(Files.readString(file));
            InclusionProof proof = new InclusionProof((Long) c.get("leafIdx"), (Long) c.get("treeSize"), hashes(c.get("proof")));
            byte[] leafHash = bytes(c.get("leafHash"));
            byte[] root = bytes(c.get("root"));
            if ((Boolean) c.get("wantErr")) {
                assertThrows(InvalidProofException.class, () -> proof.verify(leafHash, root), (String) c.get("desc"));
            } else {
                assertDoesNotThrow(() -> proof.verify(leafHash, root), (String) c.get("desc"));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyCases() throws IOException {
        return cases("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Map<String, Object> c = Json.parseObject(Files.readString(file));
            ConsistencyProof proof = new ConsistencyProof((Long) c.get("size1"), (Long) c.get("size2"), hashes(c.get("proof")));
            byte[] root1 = bytes(c.get("root1"));
            byte[] root2 = bytes(c.get("root2"));
            if ((Boolean) c.get("wantErr")) {
                assertThrows(InvalidProofException.class, () -> proof.verify(root1, root2), (String) c.get("desc"));
            } else {
                assertDoesNotThrow(() -> proof.verify(root1, root2), (String) c.get("desc"));
            }
        }));
    }

    @Test
    void theDataSetIsComplete() throws IOException {
        // Guards against a checkout that silently lost cases: both kinds, valid and invalid.
        List<Path> inclusion = cases("inclusion").toList();
        List<Path> consistency = cases("consistency").toList();
        assertTrue(inclusion.size() >= 50, "inclusion cases: " + inclusion.size());
        assertTrue(consistency.size() >= 90, "consistency cases: " + consistency.size());
        long valid = Stream.concat(inclusion.stream(), consistency.stream())
                .filter(f -> read(f).get("wantErr").equals(Boolean.FALSE)).count();
        assertEquals(12, valid);
    }

    private static Stream<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(MERKLE.resolve(kind))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static Map<String, Object> read(Path file) {
        try {
            return Json.parseObject(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return MERKLE.relativize(file).toString();
    }

    private static byte[] bytes(Object b64) {
        return b64 == null ? new byte[0] : Base64.getDecoder().decode((String) b64);
    }

    private static List<byte[]> hashes(Object list) {
        List<byte[]> out = new ArrayList<>();
        if (list != null) {
            for (Object o : (List<?>) list) {
                out.add(bytes(o));
            }
        }
        return out;
    }
}
