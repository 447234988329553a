package org.parley.petitions;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Citizen passes are how people without an account prove an email: every step is public. Also the one rule
 * the moderators' alerts need beyond the platform's (reading them is the mediator's, not the public's).
 */
@Component
class CitizenPassRules implements EndpointRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/citizen-passes", "/api/v1/citizen-passes/confirm",
                "/api/v1/citizen-passes/revoke").permitAll()
                // the moderators' alerts on trending sources (PetitionAlerts): reading them too is the mediator's
                .requestMatchers(GET, "/api/v1/processes/*/petition-alerts").hasRole(org.parley.platform.Role.MEDIATOR.name());
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/citizens/pass").permitAll()
                .requestMatchers(POST, "/citizens/pass", "/processes/*/citizens/pass", "/processes/*/citizens/forget").permitAll();
    }
}
