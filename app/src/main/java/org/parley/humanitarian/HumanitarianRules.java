package org.parley.humanitarian;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the humanitarian endpoints. Agencies (HUMANITARIAN) and mediators record; delegates
 * acknowledge convoys and agree to corridors for their party; deliveries (routes, times) are for the signed-in
 * only; everything else is public. The services check the process and the party again.
 */
@Component
class HumanitarianRules implements EndpointRules {

    private static final String MEDIATOR = Role.MEDIATOR.name();
    private static final String HUMANITARIAN = Role.HUMANITARIAN.name();
    private static final String DELEGATE = Role.DELEGATE.name();

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String base = "/api/v1/processes/*/humanitarian";
        rules.requestMatchers(GET, base + "/deliveries", base + "/deliveries/*").authenticated()
                .requestMatchers(POST, base + "/deliveries/*/acknowledge", base + "/corridors/*/agree").hasRole(DELEGATE)
                .requestMatchers(POST, base + "/corridors").hasAnyRole(MEDIATOR, DELEGATE)
                .requestMatchers(POST, base + "/corridors/import", base + "/exchanges").hasRole(MEDIATOR)
                .requestMatchers(POST, base + "/organisations", base + "/needs", base + "/activities", base + "/activities/import",
                        base + "/deliveries", base + "/deliveries/*/notify", base + "/deliveries/*/status", base + "/corridors/*/outcome",
                        base + "/voyages/import", base + "/exchanges/*/rounds", base + "/funding", base + "/funding/import",
                        base + "/deliveries/*/correction").hasAnyRole(MEDIATOR, HUMANITARIAN)
                .requestMatchers(PUT, base + "/needs/*", base + "/activities/*", base + "/deliveries/*").hasAnyRole(MEDIATOR, HUMANITARIAN)
                .requestMatchers(DELETE, base + "/needs/*", base + "/activities/*").hasAnyRole(MEDIATOR, HUMANITARIAN)
                .requestMatchers(GET, base, base + "/**").permitAll()
                .requestMatchers(base, base + "/**").denyAll();
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String base = "/processes/*/humanitarian";
        rules.requestMatchers(GET, base + "/deliveries/new", base + "/deliveries/*/edit", base + "/activities/*/edit", base + "/needs/*/edit")
                .hasAnyRole(MEDIATOR, HUMANITARIAN)
                .requestMatchers(GET, base + "/deliveries", base + "/deliveries/*").authenticated()
                .requestMatchers(POST, base + "/deliveries/*/acknowledge", base + "/corridors/*/agree").hasRole(DELEGATE)
                .requestMatchers(POST, base + "/corridors/new").hasAnyRole(MEDIATOR, DELEGATE)
                .requestMatchers(POST, base + "/exchanges/new").hasRole(MEDIATOR)
                .requestMatchers(POST, base + "/organisations", base + "/needs", base + "/activities", base + "/activities/import",
                        base + "/deliveries/new", base + "/deliveries/*/notify", base + "/deliveries/*/status", base + "/corridors/*/outcome",
                        base + "/exchanges/*/rounds", base + "/funding", base + "/funding/import", base + "/deliveries/*/edit",
                        base + "/deliveries/*/correction", base + "/activities/*/edit", base + "/activities/*/delete", base + "/needs/*/edit",
                        base + "/needs/*/delete")
                .hasAnyRole(MEDIATOR, HUMANITARIAN)
                .requestMatchers(GET, base, base + "/**").permitAll()
                .requestMatchers(base, base + "/**").denyAll();
    }
}
