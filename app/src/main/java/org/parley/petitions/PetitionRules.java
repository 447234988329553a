package org.parley.petitions;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the petition endpoints. Citizens have no account, so creating, signing, confirming and
 * withdrawing are public; moderation, invalidation, blocks, settings and the outbox are the mediator's;
 * responses come from delegates (of an addressed party) and mediators, checked again in the service.
 */
@Component
class PetitionRules implements EndpointRules {

    private static final String MEDIATOR = Role.MEDIATOR.name();
    private static final String DELEGATE = Role.DELEGATE.name();

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/petitions", "/api/v1/processes/*/petitions/*/signatures",
                        "/api/v1/petitions/creations/confirm", "/api/v1/petitions/signatures/confirm",
                        "/api/v1/petitions/signatures/withdraw").permitAll()
                .requestMatchers(POST, "/api/v1/processes/*/petitions/*/responses").hasAnyRole(MEDIATOR, DELEGATE)
                .requestMatchers(GET, "/api/v1/processes/*/petitions/*/invalidations", "/api/v1/processes/*/petitions/*/trending",
                        "/api/v1/processes/*/petition-blocks", "/api/v1/processes/*/petition-outbox").hasRole(MEDIATOR);
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/petitions/creation", "/petitions/signature").permitAll()
                .requestMatchers(POST, "/petitions/creation", "/petitions/signature/confirm", "/petitions/signature/withdraw").permitAll()
                .requestMatchers(POST, "/processes/*/petitions/new", "/processes/*/petitions/*/sign").permitAll()
                .requestMatchers(GET, "/processes/*/petitions/new").permitAll()
                .requestMatchers(POST, "/processes/*/petitions/*/respond").hasAnyRole(MEDIATOR, DELEGATE)
                .requestMatchers(GET, "/processes/*/petition-outbox", "/processes/*/petition-settings").hasRole(MEDIATOR);
    }
}
