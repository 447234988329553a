package org.parley.engagement;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the consultation endpoints. The public (no account) takes part: it joins (with a code or
 * a mailed link in closed mode), writes statements, votes and may answer the demographic questions.
 * Organising (creating, moderating, translating, inviting, closing) is for mediators, and the service
 * checks they mediate this process.
 */
@Component
class ConsultationRules implements EndpointRules {

    private static final String MEDIATOR = Role.MEDIATOR.name();

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String base = "/api/v1/processes/*/consultations";
        rules.requestMatchers(GET, base + "/*/statements/pending").hasRole(MEDIATOR)
                .requestMatchers(POST, base + "/*/participants", base + "/*/statements", base + "/*/votes", base + "/*/email-links",
                        base + "/*/email-links/confirm", base + "/*/demographics/answers").permitAll()
                .requestMatchers(POST, base, base + "/*/close", base + "/*/invitations", base + "/*/statements/*/moderation").hasRole(MEDIATOR)
                .requestMatchers(PUT, base + "/*/statements/*/translations").hasRole(MEDIATOR)
                .requestMatchers(GET, base, base + "/**").permitAll();
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String base = "/processes/*/consultations";
        rules.requestMatchers(GET, base + "/new", base + "/*/moderation").hasRole(MEDIATOR)
                .requestMatchers(POST, base + "/*/vote", base + "/*/statements", base + "/*/join", base + "/*/email", base + "/*/verify",
                        base + "/*/demographics").permitAll()
                .requestMatchers(POST, base + "/new", base + "/*/close", base + "/*/statements/*/moderation", base + "/*/statements/*/translations",
                        base + "/*/invitations").hasRole(MEDIATOR)
                .requestMatchers(GET, base, base + "/**").permitAll();
    }
}
