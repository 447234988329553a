-- Every vote checked its participant, statement and consultation by foreign key: three lookups and three
-- shared row locks per vote, the consultation's row locked by every batch of every writer. Consultations,
-- participants and statements are never deleted (V4), and the batch that writes votes resolves all three
-- in its own transaction (ConsultationStore.resolve), so the keys guarded nothing that can happen.
ALTER TABLE consultation_vote DROP CONSTRAINT consultation_vote_participant_id_fkey;
ALTER TABLE consultation_vote DROP CONSTRAINT consultation_vote_statement_id_fkey;
ALTER TABLE consultation_vote DROP CONSTRAINT consultation_vote_consultation_id_fkey;
CREATE TRIGGER consultation_never_deleted BEFORE DELETE ON consultation FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER consultation_participant_never_deleted BEFORE DELETE ON consultation_participant FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER consultation_statement_never_deleted BEFORE DELETE ON consultation_statement FOR EACH ROW EXECUTE FUNCTION refuse_delete();
