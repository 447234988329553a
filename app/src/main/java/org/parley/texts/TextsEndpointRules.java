package org.parley.texts;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Delegates state positions, share them and sign; delegates and mediators comment; the matrix is the mediator's.
 * Everything else about texts follows the platform's rules (reads public, checked per text; changes mediators').
 */
@Component
class TextsEndpointRules implements EndpointRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/texts/*/positions", "/api/v1/processes/*/texts/*/positions/share",
                        "/api/v1/processes/*/texts/*/signatures").hasRole("DELEGATE")
                .requestMatchers(POST, "/api/v1/processes/*/texts/*/comments").hasAnyRole("MEDIATOR", "DELEGATE")
                .requestMatchers(GET, "/api/v1/processes/*/texts/*/matrix").hasRole("MEDIATOR");
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/processes/*/texts/*/positions", "/processes/*/texts/*/positions/share",
                        "/processes/*/texts/*/sign").hasRole("DELEGATE")
                .requestMatchers(POST, "/processes/*/texts/*/comments").hasAnyRole("MEDIATOR", "DELEGATE");
    }
}
