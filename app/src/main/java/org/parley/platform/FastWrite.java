package org.parley.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One of the few public write endpoints that come thousands of times a second (a citizen's signature, its
 * confirmation, a vote), answered by the first servlet filter ({@code platform.web.FastWrites}) before the filter
 * chains and Spring MVC: on these paths those cost more CPU than the write itself. The endpoint stays a normal {@code @PublicWrite} controller method
 * too: whatever this fast path does not answer (unreadable or invalid input, a body too large) goes there, so
 * its validation and error messages stay the only ones.
 *
 * <p>Exceptions thrown by {@link #answer} are the platform's ({@code NotFoundException},
 * {@code ConflictException}, {@code InvalidInputException}, {@code TooManyRequestsException}) and become
 * the same RFC 9457 problem details as on the full path.
 */
public interface FastWrite {

    /** Whether this endpoint serves a POST to {@code path} (the request URI). */
    boolean matches(String path);

    /**
     * The answer to a POST of {@code body} to a path this endpoint {@link #matches}, or null to leave the request
     * to the full path (nothing may have been written then). Runs with the reader's locale set.
     */
    Answer answer(HttpServletRequest request, String path, byte[] body);

    /**
     * The numbers between the literal parts of a path: {@code ids("/api/v1/processes/7/petitions/9/signatures",
     * "/api/v1/processes/", "/petitions/", "/signatures")} is {7, 9}; null if the path is not of that form.
     */
    static long[] ids(String path, String... literals) {
        long[] ids = new long[literals.length - 1];
        if (!path.startsWith(literals[0])) {
            return null;
        }
        int at = literals[0].length();
        for (int i = 1; i < literals.length; i++) {
            int start = at;
            long n = 0;
            while (at < path.length() && at - start < 18 && path.charAt(at) >= '0' && path.charAt(at) <= '9') {
                n = n * 10 + (path.charAt(at++) - '0');
            }
            if (at == start || !path.startsWith(literals[i], at)) {
                return null;
            }
            ids[i - 1] = n;
            at += literals[i].length();
        }
        return at == path.length() ? ids : null;
    }

    /** A status and a body written as JSON (none when null). */
    record Answer(int status, Object body) {
    }
}
