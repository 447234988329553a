package org.parley.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's own authorization rules, as a bean in its package. They are applied before the
 * platform's broad rules for {@code /api/v1/processes/**} and {@code /processes/**} (which give
 * every change to mediators and every read to the public), so a feature can open an endpoint to
 * observers or delegates, or close a read to the public. Whatever no rule names is denied.
 */
public interface EndpointRules {

    /** Rules for the API chain: {@code /api/**}, bearer tokens, no cookies. */
    default void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    }

    /** Rules for the pages chain: sessions, forms with CSRF tokens. */
    default void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    }
}
