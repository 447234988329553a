package org.parley.hearings;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the hearing endpoints: registering, cancelling one's registration and sending a submission
 * are public (the service then wants a citizen pass or an account); the list of registrants is the mediator's.
 * Scheduling, cancelling and minutes fall to the platform's rule for changes (mediators), checked per process.
 */
@Component
class HearingRules implements EndpointRules {

    private static final String MEDIATOR = Role.MEDIATOR.name();

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/hearings/*/registrations", "/api/v1/processes/*/hearings/*/registrations/cancel",
                        "/api/v1/processes/*/hearings/*/submissions").permitAll()
                .requestMatchers(GET, "/api/v1/processes/*/hearings/*/registrations").hasRole(MEDIATOR);
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/processes/*/hearings/*/register", "/processes/*/hearings/*/unregister",
                "/processes/*/hearings/*/submissions").permitAll();
    }
}
