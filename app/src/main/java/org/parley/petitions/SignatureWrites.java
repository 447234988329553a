package org.parley.petitions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.parley.platform.FastWrite;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing and confirming on the fast path ({@link FastWrite}): the same calls as {@link PetitionApi#sign} and
 * {@link PetitionApi#confirmSignature}, with the same binding and validation; a body that does not bind or
 * validate is left to those, which word the errors.
 */
@Component
class SignatureWrites implements FastWrite {

    private static final String CONFIRM = "/api/v1/petitions/signatures/confirm";

    private final Petitions petitions;
    private final JsonMapper json;
    private final Validator validator;

    SignatureWrites(Petitions petitions, JsonMapper json, Validator validator) {
        this.petitions = petitions;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public boolean matches(String path) {
        return path.equals(CONFIRM) || signPath(path) != null;
    }

    @Override
    public Answer answer(HttpServletRequest request, String path, byte[] body) {
        if (path.equals(CONFIRM)) {
            PetitionApi.TokenInput t = read(body, PetitionApi.TokenInput.class);
            return t == null ? null : new Answer(HttpStatus.OK.value(), new PetitionApi.Confirmed(petitions.confirmSignature(t.token())));
        }
        long[] ids = signPath(path);
        NewSignature s = read(body, NewSignature.class);
        if (s == null) {
            return null;
        }
        petitions.sign(ids[0], ids[1], s, request.getRemoteAddr());
        return new Answer(HttpStatus.ACCEPTED.value(), null);
    }

    /** The bound and valid body, or null. */
    private <T> T read(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            return value != null && validator.validate(value).isEmpty() ? value : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The process and petition of {@code /api/v1/processes/{p}/petitions/{id}/signatures}, or null. */
    private static long[] signPath(String path) {
        return FastWrite.ids(path, "/api/v1/processes/", "/petitions/", "/signatures");
    }
}
