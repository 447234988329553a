-- Signatures per petition, email domain and minute, one row per signing batch and domain (appended, never updated:
-- two writers adding to one row would wait on each other's lock). Only domains that are not big public providers
-- are tallied. The moderators' scan for trending domains sums these over the rate window instead of grouping the
-- petition's signatures, which it did every minute over all of them.
CREATE TABLE petition_domain_tally (
    petition_id BIGINT      NOT NULL,
    domain      TEXT        NOT NULL,
    minute      TIMESTAMPTZ NOT NULL,
    signatures  INT         NOT NULL
);
CREATE INDEX petition_domain_tally_minute_idx ON petition_domain_tally (minute);
