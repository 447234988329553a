package org.parley.platform;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking: an account with its role (and party, for a delegate), or the anonymous public.
 * Features decide visibility from this, never from raw security types.
 */
public record Viewer(Long accountId, String email, String displayName, Role role, Long partyId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Viewer PUBLIC = new Viewer(null, null, null, null, null);

    public static Viewer anonymous() {
        return PUBLIC;
    }

    public static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ViewerHolder holder) {
            return holder.viewer();
        }
        return PUBLIC;
    }

    public boolean isAnonymous() {
        return accountId == null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public Optional<Long> party() {
        return Optional.ofNullable(partyId);
    }

    /** Implemented by the security principal so that features can reach the viewer without Spring Security types. */
    public interface ViewerHolder {
        Viewer viewer();
    }
}
