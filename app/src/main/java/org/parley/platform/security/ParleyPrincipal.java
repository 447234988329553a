package org.parley.platform.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.parley.platform.Viewer;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security sees it; serialisable because sessions live in PostgreSQL. */
final class ParleyPrincipal implements UserDetails, CredentialsContainer, Viewer.ViewerHolder {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Viewer viewer;
    private String passwordHash;

    ParleyPrincipal(Viewer viewer, String passwordHash) {
        this.viewer = viewer;
        this.passwordHash = passwordHash;
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(viewer.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return viewer.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "ParleyPrincipal[" + viewer.email() + ", " + viewer.role() + "]";
    }
}
