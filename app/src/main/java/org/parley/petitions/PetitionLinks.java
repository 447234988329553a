package org.parley.petitions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The links mailed to citizens: from {@code parley.public-url} if set, else from the request being served. */
@Component
class PetitionLinks {

    private final String configured;

    PetitionLinks(@Value("${parley.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    private String base() {
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        } catch (IllegalStateException noRequest) {
            return "http://localhost:8080";
        }
    }

    /** An absolute link to a path of this installation. */
    String absolute(String path) {
        return base() + path;
    }

    String creation(String token) {
        return base() + "/petitions/creation?t=" + token;
    }

    String signature(String token) {
        return base() + "/petitions/signature?t=" + token;
    }
}
