-- Alerts to moderators: an IP address, a /24 (or /64) subnet or an email domain from which a petition got
-- unusually many signatures within its rate window. One open alert per source per petition, raised again
-- after a moderator has acknowledged it only if the source keeps trending.
CREATE TABLE petition_alert (
    id               BIGSERIAL   PRIMARY KEY,
    petition_id      BIGINT      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind             TEXT        NOT NULL,   -- IP, SUBNET, DOMAIN
    value            TEXT        NOT NULL,
    signatures       INT         NOT NULL,   -- the most seen from it within one window
    threshold        INT         NOT NULL,
    raised_at        TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  BIGINT      REFERENCES account (id)
);
CREATE UNIQUE INDEX petition_alert_open_uq ON petition_alert (petition_id, kind, value) WHERE acknowledged_at IS NULL;
CREATE INDEX petition_alert_petition_idx ON petition_alert (petition_id, id);
