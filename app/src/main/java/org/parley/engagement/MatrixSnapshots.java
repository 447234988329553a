package org.parley.engagement;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.parley.engagement.opinion.VoteMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's copies on disk of the vote matrices it maps, so that after a restart it reads only the votes
 * changed since a copy rather than every vote again (at a million participants reading every vote from
 * PostgreSQL takes about twenty times as long as the math). A copy is a cache: it names the consultation by
 * its id and creation time (a database made afresh cannot hand a copy to another consultation of the same
 * id), anything unreadable is ignored, and the hourly full read of {@link OpinionMaps} still happens, counted
 * from when the copy's votes were read in full.
 */
@Component
class MatrixSnapshots {

    private static final Logger log = LoggerFactory.getLogger(MatrixSnapshots.class);
    private static final int MAGIC = 0x504d4150; // "PMAP"
    private static final int VERSION = 1;

    /** What a copy holds: the matrix's statement and participant ids (column and row order) and when its votes were read. */
    record Snapshot(long[] statementIds, long[] participantIds, VoteMatrix matrix, Instant latestVote, Instant readAt) {
    }

    private final Path dir;

    MatrixSnapshots(@Value("${parley.data-dir:data}") Path dataDir) {
        this.dir = dataDir.resolve("opinion-maps");
    }

    /**
     * Writes the copy beside the old one (under a name of its own, should two writers meet) and then replaces it,
     * so a copy is never half-written.
     */
    void save(long consultationId, Instant createdAt, Snapshot s) {
        Path file = file(consultationId);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(consultationId);
                writeInstant(out, createdAt);
                writeInstant(out, s.latestVote());
                writeInstant(out, s.readAt());
                writeLongs(out, s.statementIds());
                writeLongs(out, s.participantIds());
                s.matrix().writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep a copy of the vote matrix of consultation {}: {}", consultationId, e.toString());
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /** The copy of this consultation, if there is a readable one made for it. */
    Optional<Snapshot> load(long consultationId, Instant createdAt) {
        Path file = file(consultationId);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readLong() != consultationId
                    || !createdAt.equals(readInstant(in))) {
                return Optional.empty();
            }
            Instant latestVote = readInstant(in);
            Instant readAt = readInstant(in);
            long[] statements = readLongs(in);
            long[] participants = readLongs(in);
            VoteMatrix m = VoteMatrix.readFrom(in);
            if (readAt == null || m.statements() != statements.length || m.participants() != participants.length) {
                return Optional.empty();
            }
            return Optional.of(new Snapshot(statements, participants, m, latestVote, readAt));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the copy of the vote matrix of consultation {}: {}", consultationId, e.toString());
            return Optional.empty();
        }
    }

    void delete(long consultationId) {
        delete(file(consultationId));
    }

    /** Removes the copies of consultations no longer mapped (closed or gone), and copies left half-written over an hour ago. */
    void retainOnly(Collection<Long> consultationIds) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        consultationIds.forEach(id -> keep.add(file(id).getFileName().toString()));
        Instant abandoned = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".matrix") ? !keep.contains(f.getFileName().toString()) : olderThan(f, abandoned))
                    .forEach(MatrixSnapshots::delete);
        } catch (IOException e) {
            log.warn("Could not list the vote matrix copies: {}", e.toString());
        }
    }

    private static boolean olderThan(Path file, Instant at) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(at);
        } catch (IOException e) {
            return false;
        }
    }

    private Path file(long consultationId) {
        return dir.resolve("consultation-" + consultationId + ".matrix");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length");
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readLong();
        }
        return a;
    }
}
