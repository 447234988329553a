-- The public record: a C2SP tlog-tiles log kept in PostgreSQL.

-- Every fact appended, written in the same transaction as the fact itself. leaf_index is NULL until
-- the sequencer integrates it into the tree; from then on it never changes.
CREATE TABLE record_entry (
    id           BIGSERIAL   PRIMARY KEY,
    leaf_index   BIGINT      UNIQUE,
    fact_type    TEXT        NOT NULL,
    process_id   BIGINT,
    subject      TEXT        NOT NULL,
    entry        BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX record_entry_pending_idx ON record_entry (id) WHERE leaf_index IS NULL;
CREATE INDEX record_entry_subject_idx ON record_entry (subject);

-- Hash tiles and entry bundles, one row per tile: a partial tile is overwritten as it grows (hashes and
-- entries already in it never change, so a narrower partial is a prefix of the stored one).
CREATE TABLE record_tile (
    level      SMALLINT NOT NULL,   -- -1 for entry bundles
    tile_index BIGINT   NOT NULL,
    width      SMALLINT NOT NULL CHECK (width BETWEEN 1 AND 256),
    data       BYTEA    NOT NULL,
    PRIMARY KEY (level, tile_index)
);

-- The log's single state row: its origin, verifier key and the current signed checkpoint.
CREATE TABLE record_log (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    origin        TEXT        NOT NULL,
    verifier_key  TEXT        NOT NULL,
    tree_size     BIGINT      NOT NULL,
    root_hash     BYTEA       NOT NULL,
    checkpoint    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every checkpoint ever published, so that any of them can be proved consistent with the current tree.
CREATE TABLE record_checkpoint (
    tree_size    BIGINT      PRIMARY KEY,
    root_hash    BYTEA       NOT NULL,
    checkpoint   TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Witnesses: one key per party (or independent body) that checks the log and cosigns what it checked.
CREATE TABLE record_witness (
    id            BIGSERIAL   PRIMARY KEY,
    party_id      BIGINT      REFERENCES party (id),
    name          TEXT        NOT NULL,
    verifier_key  TEXT        NOT NULL UNIQUE,
    last_size     BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE record_cosignature (
    witness_id   BIGINT      NOT NULL REFERENCES record_witness (id),
    tree_size    BIGINT      NOT NULL,
    signed_at    TIMESTAMPTZ NOT NULL,
    signature    TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (witness_id, tree_size)
);
