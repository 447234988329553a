package org.parley.publicrecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.InclusionProof;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.tiles.TileHashReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends facts to the public record and answers questions about it. An append joins the caller's
 * transaction: the entry exists exactly when the fact does.
 */
@Service
public class PublicRecord {

    /** An entry as published: where it is, what it says, and since when it is in the tree. */
    public record Entry(long id, Long leafIndex, String type, Long processId, String subject, String json, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final PostgresTileStore tiles;
    private final Sequencer sequencer;
    private final LogKey key;

    PublicRecord(JdbcClient jdbc, PostgresTileStore tiles, Sequencer sequencer, LogKey key) {
        this.jdbc = jdbc;
        this.tiles = tiles;
        this.sequencer = sequencer;
        this.key = key;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long append(Fact fact) {
        byte[] entry = EntryEncoding.encode(fact);
        if (entry.length > org.parley.record.tiles.EntryBundle.MAX_ENTRY_SIZE) {
            // Refused here, in the fact's transaction: once queued, an oversized entry would stop the sequencer.
            throw new IllegalArgumentException("A " + fact.type() + " entry of " + entry.length + " bytes exceeds the record's "
                    + org.parley.record.tiles.EntryBundle.MAX_ENTRY_SIZE + "-byte limit; put a hash of large content in the fact");
        }
        long id = jdbc.sql("INSERT INTO record_entry (fact_type, process_id, subject, entry) VALUES (?, ?, ?, ?) RETURNING id")
                .params(fact.type(), fact.processId(), fact.subject(), entry).query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sequencer.wake();
                }
            });
        }
        return id;
    }

    public LogState state() {
        return jdbc.sql("SELECT origin, verifier_key, tree_size, root_hash, checkpoint, updated_at FROM record_log WHERE id = 1")
                .query((rs, n) -> new LogState(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .single();
    }

    public String verifierKey() {
        return key.verifierKey();
    }

    public List<Entry> entriesAbout(String subject) {
        return jdbc.sql("SELECT id, leaf_index, fact_type, process_id, subject, entry, created_at FROM record_entry WHERE subject = ? ORDER BY id")
                .param(subject).query(PublicRecord::entry).list();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                SELECT id, leaf_index, fact_type, process_id, subject, entry, created_at FROM record_entry
                WHERE leaf_index IS NOT NULL ORDER BY leaf_index DESC LIMIT ?""")
                .param(limit).query(PublicRecord::entry).list();
    }

    public Entry entryAt(long leafIndex) {
        return jdbc.sql("SELECT id, leaf_index, fact_type, process_id, subject, entry, created_at FROM record_entry WHERE leaf_index = ?")
                .param(leafIndex).query(PublicRecord::entry).optional()
                .orElseThrow(() -> new NotFoundException("entry", leafIndex));
    }

    /** The inclusion proof of an entry in the tree of the given size (the current one if null). */
    public InclusionProof inclusionProof(long leafIndex, Long treeSize) {
        long size = treeSize == null ? state().treeSize() : treeSize;
        if (leafIndex < 0 || leafIndex >= size || size > state().treeSize()) {
            throw new InvalidInputException("index", "record.index.outOfRange", leafIndex, size);
        }
        try {
            return new ProofBuilder(new TileHashReader(tiles, size)).inclusionProof(leafIndex, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize || newSize > state().treeSize()) {
            throw new InvalidInputException("from", "record.consistency.outOfRange", oldSize, newSize);
        }
        try {
            return new ProofBuilder(new TileHashReader(tiles, newSize)).consistencyProof(oldSize, newSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checkpoint published earlier, by its tree size. */
    public Optional<String> checkpointAt(long treeSize) {
        return jdbc.sql("SELECT checkpoint FROM record_checkpoint WHERE tree_size = ?").param(treeSize).query(String.class).optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
                new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getObject(7, OffsetDateTime.class));
    }
}
