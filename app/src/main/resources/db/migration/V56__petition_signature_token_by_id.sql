-- A signature's confirmation link now carries its id and a secret ("<id>_<secret>"): it is found by primary key and
-- only the secret's hash is kept (secret_hash, no index). The unique index on token_hash, a random key, put a new
-- index page into nearly every insert's WAL; it now holds only the rows signed before this version, whose mailed
-- links (the secret alone) must keep working.
ALTER TABLE petition_signature ADD COLUMN secret_hash TEXT;
ALTER TABLE petition_signature ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE petition_signature DROP CONSTRAINT petition_signature_token_hash_key;
CREATE UNIQUE INDEX petition_signature_legacy_token_idx ON petition_signature (token_hash) WHERE token_hash IS NOT NULL;
ALTER TABLE petition_signature ADD CONSTRAINT petition_signature_has_token CHECK (token_hash IS NOT NULL OR secret_hash IS NOT NULL);
