package org.parley.publicrecord;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.record.Checkpoint;
import org.parley.record.RecordException;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.note.CosignatureVerifier;
import org.parley.record.note.Note;
import org.parley.record.note.NoteSignature;
import org.parley.record.witness.AddCheckpointRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parties' witnesses: each registers a cosignature key, checks the log on its own, and hands in its
 * cosignature of a checkpoint through {@code add-checkpoint}, with tlog-witness semantics: the request
 * names the size this witness last cosigned and proves consistency from it; Parley compares and
 * persists, and answers 409 with the size it holds when they disagree.
 */
@Service
public class Witnesses {

    public record Witness(long id, Long partyId, String name, String verifierKey, long lastSize, Instant lastCosignedAt) {
    }

    enum Status { OK, CONFLICT, BAD_REQUEST, FORBIDDEN, UNPROCESSABLE }

    record Outcome(Status status, String body) {
    }

    private final JdbcClient jdbc;
    private final LogKey key;
    private final RecordProperties props;

    Witnesses(JdbcClient jdbc, LogKey key, RecordProperties props) {
        this.jdbc = jdbc;
        this.key = key;
        this.props = props;
    }

    @Transactional
    public Witness register(Long partyId, String verifierKey, Viewer viewer) {
        Long party = partyId;
        if (viewer.is(Role.DELEGATE)) {
            if (partyId != null && !partyId.equals(viewer.partyId())) {
                throw new ForbiddenException("record.witness.ownPartyOnly");
            }
            party = viewer.partyId();
        } else if (!viewer.is(Role.MEDIATOR)) {
            throw new ForbiddenException("record.witness.whoMayRegister");
        }
        CosignatureVerifier verifier;
        try {
            verifier = CosignatureVerifier.fromVerifierKey(verifierKey.trim());
        } catch (RecordException | IllegalArgumentException e) {
            throw new InvalidInputException("verifierKey", "record.witness.badKey");
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM record_witness WHERE verifier_key = ?)").param(verifierKey.trim()).query(Boolean.class).single()) {
            throw new InvalidInputException("verifierKey", "record.witness.keyTaken");
        }
        if (party != null && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM party WHERE id = ?)").param(party).query(Boolean.class).single()) {
            throw new InvalidInputException("partyId", "party.notInProcess", party);
        }
        long id = jdbc.sql("INSERT INTO record_witness (party_id, name, verifier_key) VALUES (?, ?, ?) RETURNING id")
                .params(party, verifier.keyName(), verifierKey.trim()).query(Long.class).single();
        return all().stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    public List<Witness> all() {
        return jdbc.sql("""
                SELECT w.id, w.party_id, w.name, w.verifier_key, w.last_size,
                       (SELECT max(c.signed_at) FROM record_cosignature c WHERE c.witness_id = w.id) AS last_at
                FROM record_witness w ORDER BY w.id""")
                .query((rs, n) -> new Witness(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    /** Witnesses whose cosignature covers the given tree size, with when they signed. */
    public List<Witness> cosignersOf(long treeSize) {
        return jdbc.sql("""
                SELECT w.id, w.party_id, w.name, w.verifier_key, w.last_size, c.signed_at
                FROM record_cosignature c JOIN record_witness w ON w.id = c.witness_id
                WHERE c.tree_size = ? ORDER BY c.signed_at""")
                .param(treeSize)
                .query((rs, n) -> new Witness(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional
    Outcome addCheckpoint(byte[] body) {
        AddCheckpointRequest request;
        Note note;
        Checkpoint checkpoint;
        try {
            request = AddCheckpointRequest.parse(body);
            note = Note.parse(request.checkpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (RecordException | IllegalArgumentException e) {
            return new Outcome(Status.BAD_REQUEST, "malformed add-checkpoint request: " + e.getMessage() + "\n");
        }
        if (!checkpoint.origin().equals(props.origin())) {
            return new Outcome(Status.FORBIDDEN, "unknown log origin " + checkpoint.origin() + "\n");
        }
        try {
            note.verify(key.signer().verifier());
        } catch (RecordException e) {
            return new Outcome(Status.FORBIDDEN, "checkpoint is not signed by this log: " + e.getMessage() + "\n");
        }
        Optional<byte[]> published = root(checkpoint.size());
        if (published.isEmpty() || !MessageDigest.isEqual(published.get(), checkpoint.rootHash())) {
            return new Outcome(Status.UNPROCESSABLE, "this log never published that checkpoint\n");
        }
        for (Witness w : all()) {
            CosignatureVerifier verifier = CosignatureVerifier.fromVerifierKey(w.verifierKey());
            List<NoteSignature> cosignatures;
            try {
                cosignatures = note.verify(verifier);
            } catch (RecordException e) {
                continue;
            }
            return persist(w, request, checkpoint, cosignatures.getFirst());
        }
        return new Outcome(Status.FORBIDDEN, "no valid cosignature from a registered witness\n");
    }

    private Outcome persist(Witness w, AddCheckpointRequest request, Checkpoint checkpoint, NoteSignature cosignature) {
        long held = jdbc.sql("SELECT last_size FROM record_witness WHERE id = ? FOR UPDATE").param(w.id()).query(Long.class).single();
        if (request.oldSize() != held || checkpoint.size() < held) {
            return new Outcome(Status.CONFLICT, held + "\n");
        }
        if (request.oldSize() > 0 && request.oldSize() < checkpoint.size()) {
            try {
                new ConsistencyProof(request.oldSize(), checkpoint.size(), request.proof())
                        .verify(root(request.oldSize()).orElseThrow(), checkpoint.rootHash());
            } catch (RecordException e) {
                return new Outcome(Status.UNPROCESSABLE, "consistency proof does not verify: " + e.getMessage() + "\n");
            }
        } else if (!request.proof().isEmpty()) {
            return new Outcome(Status.BAD_REQUEST, "the consistency proof must be empty for old size " + request.oldSize() + "\n");
        }
        long timestamp = CosignatureVerifier.timestamp(cosignature).orElse(Instant.now().getEpochSecond());
        jdbc.sql("UPDATE record_witness SET last_size = ? WHERE id = ?").params(checkpoint.size(), w.id()).update();
        jdbc.sql("""
                INSERT INTO record_cosignature (witness_id, tree_size, signed_at, signature) VALUES (?, ?, ?, ?)
                ON CONFLICT (witness_id, tree_size) DO NOTHING""")
                .params(w.id(), checkpoint.size(), OffsetDateTime.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC), cosignature.line())
                .update();
        return new Outcome(Status.OK, cosignature.line() + "\n");
    }

    private Optional<byte[]> root(long size) {
        return jdbc.sql("SELECT root_hash FROM record_checkpoint WHERE tree_size = ?").param(size).query(byte[].class).optional();
    }
}
