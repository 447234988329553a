package org.parley.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for demographic questions and participants' answers. */
@Repository
class DemographicStore {

    private final JdbcClient jdbc;

    DemographicStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertQuestion(long consultationId, int position, String text, List<String> options) {
        jdbc.sql("INSERT INTO consultation_question (consultation_id, position, text, options) VALUES (?, ?, ?, ?)")
                .params(consultationId, position, text, options.toArray(String[]::new)).update();
    }

    List<Question> questions(long consultationId) {
        return jdbc.sql("SELECT id, position, text, options FROM consultation_question WHERE consultation_id = ? ORDER BY position")
                .param(consultationId)
                .query((rs, n) -> new Question(rs.getLong("id"), rs.getInt("position"), rs.getString("text"),
                        Arrays.asList((String[]) rs.getArray("options").getArray())))
                .list();
    }

    /** Stores the answer unless the participant answered this question before; true when stored. */
    boolean answer(long consultationId, long participantId, long questionId, int option, Instant at) {
        return jdbc.sql("""
                INSERT INTO consultation_answer (participant_id, question_id, consultation_id, option_index, answered_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id, question_id) DO NOTHING""")
                .params(participantId, questionId, consultationId, option, Timestamp.from(at)).update() == 1;
    }

    Map<Long, Integer> answersOf(long participantId) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, option_index FROM consultation_answer WHERE participant_id = ? ORDER BY question_id").param(participantId)
                .query(rs -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                });
        return m;
    }

    /** Streams every answer of a consultation as (participant, question, option). */
    void eachAnswer(long consultationId, AnswerSink sink) {
        jdbc.sql("SELECT participant_id, question_id, option_index FROM consultation_answer WHERE consultation_id = ?")
                .param(consultationId)
                .query(rs -> {
                    sink.accept(rs.getLong(1), rs.getLong(2), rs.getInt(3));
                });
    }

    long answerCount(long consultationId) {
        return jdbc.sql("SELECT count(*) FROM consultation_answer WHERE consultation_id = ?").param(consultationId).query(Long.class).single();
    }

    interface AnswerSink {
        void accept(long participant, long question, int option);
    }
}
