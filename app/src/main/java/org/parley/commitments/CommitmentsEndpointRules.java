package org.parley.commitments;

import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Responsible parties' delegates report levels; observers verify them; observers and mediators record that an event
 * deadlines count from has happened. The rest follows the platform's rules (reads public, changes mediators').
 */
@Component
class CommitmentsEndpointRules implements EndpointRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/commitments/*/reports").hasRole("DELEGATE")
                .requestMatchers(POST, "/api/v1/processes/*/commitments/*/verifications").hasRole("OBSERVER")
                .requestMatchers(POST, "/api/v1/processes/*/deadline-events/*/occurrence").hasAnyRole("MEDIATOR", "OBSERVER");
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/processes/*/commitments/*/report").hasRole("DELEGATE")
                .requestMatchers(POST, "/processes/*/commitments/*/verify").hasRole("OBSERVER")
                .requestMatchers(POST, "/processes/*/deadline-events/*/occurred").hasAnyRole("MEDIATOR", "OBSERVER");
    }
}
