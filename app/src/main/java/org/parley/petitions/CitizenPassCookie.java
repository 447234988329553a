package org.parley.petitions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a browser keeps its citizen pass: an HttpOnly cookie per process, so a page (or a template, as
 * {@code @citizenPass}) can tell who is posting without an account. API clients send the header instead.
 */
@Component("citizenPass")
public class CitizenPassCookie {

    private final CitizenPasses passes;

    CitizenPassCookie(CitizenPasses passes) {
        this.passes = passes;
    }

    static String name(long processId) {
        return "parley_citizen_" + processId;
    }

    /** The citizen whose pass this browser holds for the process, if any. */
    public Optional<Citizen> current(long processId) {
        return token(processId).flatMap(t -> passes.find(processId, t));
    }

    /** Who is acting on a page: the signed-in account, else the citizen whose pass this browser holds (or 403). */
    public Participant participant(long processId) {
        return passes.participant(processId, org.parley.platform.Viewer.current(), token(processId).orElse(null));
    }

    /** The raw pass in this browser's cookie for the process. */
    public Optional<String> token(long processId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            return Optional.empty();
        }
        HttpServletRequest request = attrs.getRequest();
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (name(processId).equals(c.getName())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    void set(HttpServletRequest request, HttpServletResponse response, long processId, String pass, Instant expires) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name(processId), pass).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path("/").maxAge(Duration.between(Instant.now(), expires)).build().toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response, long processId) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name(processId), "").httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path("/").maxAge(0).build().toString());
    }
}
