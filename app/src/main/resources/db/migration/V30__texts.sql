-- Negotiating texts: the current draft (articles, clauses with stable ids, open brackets), every saved version
-- as a snapshot, each party's position per clause, comments, adoption and signatures.
CREATE TABLE negotiating_text (
    id                  BIGSERIAL PRIMARY KEY,
    process_id          BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    track_id            BIGINT      NOT NULL REFERENCES track (id),
    title               TEXT        NOT NULL,
    preamble            TEXT        NOT NULL DEFAULT '',
    visibility          TEXT        NOT NULL CHECK (visibility IN ('PUBLISHED', 'CONFIDENTIAL')),
    status              TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED')),
    version             INT         NOT NULL DEFAULT 1,
    adopted_at          TIMESTAMPTZ,
    adopted_sha256      TEXT,
    canonical_form      TEXT,
    entry_into_force    DATE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT text_adoption CHECK ((status = 'ADOPTED') = (adopted_sha256 IS NOT NULL))
);
CREATE INDEX negotiating_text_process_idx ON negotiating_text (process_id);

CREATE TABLE text_signatory (
    text_id  BIGINT NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    party_id BIGINT NOT NULL REFERENCES party (id),
    PRIMARY KEY (text_id, party_id)
);

CREATE TABLE text_article (
    id       BIGSERIAL PRIMARY KEY,
    text_id  BIGINT NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    position INT    NOT NULL,
    heading  TEXT   NOT NULL
);
CREATE INDEX text_article_text_idx ON text_article (text_id, position);

CREATE TABLE text_clause (
    id                 BIGSERIAL PRIMARY KEY,
    text_id            BIGINT NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    article_id         BIGINT NOT NULL REFERENCES text_article (id) ON DELETE CASCADE,
    position           INT    NOT NULL,
    body               TEXT   NOT NULL,
    -- The version in which this clause last changed: positions taken on an earlier version no longer count.
    changed_in_version INT    NOT NULL
);
CREATE INDEX text_clause_text_idx ON text_clause (text_id);

-- An open bracket: the alternatives for a clause's "[*]", each proposed by a party.
CREATE TABLE text_alternative (
    clause_id   BIGINT NOT NULL REFERENCES text_clause (id) ON DELETE CASCADE,
    position    INT    NOT NULL,
    body        TEXT   NOT NULL,
    party_id    BIGINT NOT NULL REFERENCES party (id),
    PRIMARY KEY (clause_id, position)
);

CREATE TABLE text_version (
    text_id    BIGINT      NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    number     INT         NOT NULL,
    author_id  BIGINT      REFERENCES account (id),
    reason     TEXT        NOT NULL,
    snapshot   JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (text_id, number)
);

-- A party's position on a clause: confidential (the party and the mediator) until the party shares it.
CREATE TABLE text_position (
    text_id     BIGINT      NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    clause_id   BIGINT      NOT NULL REFERENCES text_clause (id) ON DELETE CASCADE,
    party_id    BIGINT      NOT NULL REFERENCES party (id),
    stance      TEXT        NOT NULL CHECK (stance IN ('ACCEPT', 'REJECT', 'RESERVE', 'AMEND')),
    amendment   TEXT,
    on_version  INT         NOT NULL,
    shared      BOOLEAN     NOT NULL DEFAULT false,
    account_id  BIGINT      REFERENCES account (id),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (clause_id, party_id),
    CONSTRAINT amendment_shape CHECK ((stance = 'AMEND') = (amendment IS NOT NULL))
);
CREATE INDEX text_position_text_idx ON text_position (text_id, party_id);

CREATE TABLE text_comment (
    id         BIGSERIAL PRIMARY KEY,
    text_id    BIGINT      NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    clause_id  BIGINT      REFERENCES text_clause (id) ON DELETE SET NULL,
    author_id  BIGINT      REFERENCES account (id),
    author     TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX text_comment_text_idx ON text_comment (text_id, created_at);

CREATE TABLE text_signature (
    text_id       BIGINT      NOT NULL REFERENCES negotiating_text (id) ON DELETE CASCADE,
    party_id      BIGINT      NOT NULL REFERENCES party (id),
    account_id    BIGINT      REFERENCES account (id),
    signer        TEXT        NOT NULL,
    verifier_key  TEXT,
    signed_note   TEXT,
    signed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (text_id, party_id)
);
