package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engagement.opinion.VoteMatrix;

/** A node's copy of a vote matrix comes back as it was written, and only for the consultation it was made for. */
class MatrixSnapshotsTest {

    @TempDir
    Path dir;

    private final Instant created = Instant.parse("2026-12-07T04:00:00.123456Z");

    private MatrixSnapshots.Snapshot sample() {
        VoteMatrix m = new VoteMatrix.Builder(3, 4, 8).add(0, 0, 1).add(0, 2, -1).add(2, 1, 0).add(2, 3, 1).add(1, 3, -1).build();
        return new MatrixSnapshots.Snapshot(new long[] {11, 12, 13, 14}, new long[] {101, 102, 103}, m,
                Instant.parse("2026-12-07T05:00:00Z"), Instant.parse("2026-12-07T05:00:01.5Z"));
    }

    @Test
    void aCopyReadsBackAsItWasWritten() {
        MatrixSnapshots snapshots = new MatrixSnapshots(dir);
        MatrixSnapshots.Snapshot s = sample();
        snapshots.save(7, created, s);
        MatrixSnapshots.Snapshot back = snapshots.load(7, created).orElseThrow();
        assertThat(back.statementIds()).containsExactly(11, 12, 13, 14);
        assertThat(back.participantIds()).containsExactly(101, 102, 103);
        assertThat(back.latestVote()).isEqualTo(s.latestVote());
        assertThat(back.readAt()).isEqualTo(s.readAt());
        assertThat(back.matrix().participants()).isEqualTo(3);
        assertThat(back.matrix().statements()).isEqualTo(4);
        assertThat(back.matrix().votes()).isEqualTo(5);
        for (int p = 0; p < 3; p++) {
            for (int j = 0; j < 4; j++) {
                assertThat(back.matrix().vote(p, j)).as("vote %d,%d", p, j).isEqualTo(s.matrix().vote(p, j));
            }
        }
    }

    @Test
    void anotherConsultationOrADamagedFileGetsNothing() throws IOException {
        MatrixSnapshots snapshots = new MatrixSnapshots(dir);
        snapshots.save(7, created, sample());
        assertThat(snapshots.load(7, created.plusNanos(1000))).as("same id, another consultation (a database made afresh)").isEmpty();
        assertThat(snapshots.load(8, created)).isEmpty();
        Path file = dir.resolve("opinion-maps/consultation-7.matrix");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(snapshots.load(7, created)).as("truncated").isEmpty();
        bytes[bytes.length - 1] = (byte) 0xff; // the last entry: a column outside the matrix
        Files.write(file, bytes);
        assertThat(snapshots.load(7, created)).as("damaged").isEmpty();
    }

    @Test
    void copiesOfConsultationsNoLongerMappedAreRemoved() {
        MatrixSnapshots snapshots = new MatrixSnapshots(dir);
        snapshots.save(7, created, sample());
        snapshots.save(9, created, sample());
        snapshots.retainOnly(List.of(9L));
        assertThat(snapshots.load(7, created)).isEmpty();
        assertThat(snapshots.load(9, created)).isPresent();
        assertThat(dir.resolve("opinion-maps")).isDirectoryContaining(p -> p.getFileName().toString().equals("consultation-9.matrix"));
    }
}
