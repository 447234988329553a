-- Processes, petitions and consultations, their participants and statements are never deleted: the public
-- record refers to them, and the tables that take writes at citizens' rates (signatures, the mail outbox,
-- votes) refer to them without foreign keys. A foreign key costs every inserted row a lookup of its parent
-- and a shared lock on it, and with several writers those locks on one hot petition or consultation row
-- became a new multixact per batch (see docs/PERFORMANCE.md, issues 7 and 8). What keeps those rows'
-- references valid instead: the writers check the parent in the same transaction, and this refuses deleting one.
CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are never deleted (id %)', TG_TABLE_NAME, OLD.id USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER process_never_deleted BEFORE DELETE ON process FOR EACH ROW EXECUTE FUNCTION refuse_delete();
