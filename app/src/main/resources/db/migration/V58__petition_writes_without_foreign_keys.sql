-- Each signature and each outbox mail checked its petition or process by foreign key: a lookup and a shared
-- row lock per inserted row. Petitions and processes are never deleted (V4), and the batch that writes
-- signatures reads their petition in its own transaction, so the keys guarded nothing that can happen.
ALTER TABLE petition_signature DROP CONSTRAINT petition_signature_petition_id_fkey;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_process_id_fkey;
CREATE TRIGGER petition_never_deleted BEFORE DELETE ON petition FOR EACH ROW EXECUTE FUNCTION refuse_delete();
