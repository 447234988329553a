package org.parley.feedback;

import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Feedback is the public's: anyone may answer (the service then wants a citizen pass or an account); reading is public. */
@Component
class FeedbackRules implements EndpointRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/milestones/*/feedback", "/api/v1/processes/*/commitments/*/feedback").permitAll();
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/processes/*/milestones/*/feedback", "/processes/*/commitments/*/feedback").permitAll();
    }
}
