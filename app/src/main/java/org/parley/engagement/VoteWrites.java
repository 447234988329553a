package org.parley.engagement;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.platform.FastWrite;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Voting on the fast path ({@link FastWrite}): the same call as {@link ConsultationApi#vote}; a body that does
 * not bind is left to it, which words the error.
 */
@Component
class VoteWrites implements FastWrite {


    private final Consultations consultations;
    private final JsonMapper json;

    VoteWrites(Consultations consultations, JsonMapper json) {
        this.consultations = consultations;
        this.json = json;
    }

    @Override
    public boolean matches(String path) {
        return votePath(path) != null;
    }

    @Override
    public Answer answer(HttpServletRequest request, String path, byte[] body) {
        long[] ids = votePath(path);
        NewVote v;
        try {
            v = json.readValue(body, NewVote.class);
        } catch (JacksonException e) {
            return null;
        }
        return new Answer(HttpStatus.OK.value(),
                consultations.voteWithToken(ids[0], ids[1], request.getHeader(ConsultationApi.PARTICIPANT_HEADER), v));
    }

    /** The process and consultation of {@code /api/v1/processes/{p}/consultations/{c}/votes}, or null. */
    private static long[] votePath(String path) {
        return FastWrite.ids(path, "/api/v1/processes/", "/consultations/", "/votes");
    }
}
