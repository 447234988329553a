-- Forums: threads about a track, petition, consultation or hearing; posts in sanitised rich text, kept in
-- their original language with optional moderator translations; reports that hide a post after K of them
-- until a moderator reviews it; followers notified by mail.
CREATE TABLE forum_settings (
    process_id        BIGINT PRIMARY KEY REFERENCES process (id) ON DELETE CASCADE,
    report_threshold  INT    NOT NULL DEFAULT 3
);

CREATE TABLE forum_thread (
    id            BIGSERIAL   PRIMARY KEY,
    process_id    BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    subject_kind  TEXT        NOT NULL,   -- TRACK, PETITION, CONSULTATION, HEARING
    subject_id    BIGINT      NOT NULL,
    title         TEXT        NOT NULL,   -- plain text
    language      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_post_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX forum_thread_subject_idx ON forum_thread (process_id, subject_kind, subject_id, last_post_at DESC);

CREATE TABLE forum_post (
    id                BIGSERIAL   PRIMARY KEY,
    thread_id         BIGINT      NOT NULL REFERENCES forum_thread (id) ON DELETE CASCADE,
    author_name       TEXT        NOT NULL,
    author_role       TEXT,                  -- the account's role; null for a citizen
    author_key        TEXT        NOT NULL,  -- "account:ID" or "email:NORMALISED": never shown
    account_id        BIGINT      REFERENCES account (id),
    body_html         TEXT        NOT NULL,  -- sanitised (OWASP Java HTML Sanitizer) before it is stored
    language          TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'VISIBLE',  -- VISIBLE, HIDDEN (by reports, until reviewed), REMOVED
    report_count      INT         NOT NULL DEFAULT 0,          -- reports since the last review
    reviewed_at       TIMESTAMPTZ,
    reviewer_id       BIGINT      REFERENCES account (id),
    moderation_reason TEXT
);
CREATE INDEX forum_post_thread_idx ON forum_post (thread_id, id);
CREATE INDEX forum_post_author_idx ON forum_post (author_key, created_at);
CREATE INDEX forum_post_queue_idx ON forum_post (thread_id) WHERE status = 'HIDDEN' OR report_count > 0;

CREATE TABLE forum_report (
    id            BIGSERIAL   PRIMARY KEY,
    post_id       BIGINT      NOT NULL REFERENCES forum_post (id) ON DELETE CASCADE,
    reporter_key  TEXT        NOT NULL,
    reason        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (post_id, reporter_key)
);

CREATE TABLE forum_translation (
    post_id        BIGINT      NOT NULL REFERENCES forum_post (id) ON DELETE CASCADE,
    language       TEXT        NOT NULL,
    title          TEXT,                   -- the thread's title, on the opening post only
    body_html      TEXT        NOT NULL,
    translator_id  BIGINT      REFERENCES account (id),
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, language)
);

CREATE TABLE forum_follower (
    id            BIGSERIAL   PRIMARY KEY,
    thread_id     BIGINT      NOT NULL REFERENCES forum_thread (id) ON DELETE CASCADE,
    email         TEXT        NOT NULL,
    email_norm    TEXT        NOT NULL,
    language      TEXT        NOT NULL,
    unfollow_token TEXT       NOT NULL UNIQUE, -- kept raw: it is put in every notification and can only unfollow
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (thread_id, email_norm)
);
