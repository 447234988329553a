package org.parley.monitoring;

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
 * Who may call monitoring's endpoints, by role. Observers file and amend reports and import files; observers
 * and mediators decide on events and claims; delegates file claims; mediators define ceasefires; reports
 * and imports are not for the public. The service checks the process and the author on top.
 */
@Component
class MonitoringRules implements EndpointRules {

    private static final String OBSERVER = Role.OBSERVER.name();
    private static final String MEDIATOR = Role.MEDIATOR.name();
    private static final String DELEGATE = Role.DELEGATE.name();
    private static final String API = "/api/v1/processes/*/monitoring";
    private static final String WEB = "/processes/*/monitoring";

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, API + "/reports", API + "/reports/batch", API + "/reports/*/attachments").hasRole(OBSERVER)
                .requestMatchers(PUT, API + "/reports/*").hasRole(OBSERVER)
                .requestMatchers(GET, API + "/reports", API + "/reports/*", API + "/reports/*/attachments/*", API + "/outside-reports", API + "/observers")
                .hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, API + "/categories", API + "/observers", API + "/regroup").hasRole(MEDIATOR)
                .requestMatchers(PUT, API + "/settings").hasRole(MEDIATOR)
                .requestMatchers(DELETE, API + "/observers/*").hasRole(MEDIATOR)
                .requestMatchers(POST, API + "/events/*/decision", API + "/events/*/merge", API + "/events/*/split").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, API + "/claims").hasRole(DELEGATE)
                .requestMatchers(POST, API + "/claims/*/decision").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, API + "/ceasefires").hasRole(MEDIATOR)
                .requestMatchers(POST, API + "/imports").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(GET, API + "/imports/*").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, API + "/withdrawal/sites").hasRole(DELEGATE)
                .requestMatchers(GET, API + "/withdrawal/sites").hasAnyRole(OBSERVER, MEDIATOR, DELEGATE)
                .requestMatchers(POST, API + "/withdrawal/zones").hasRole(MEDIATOR)
                .requestMatchers(POST, API + "/withdrawal/sightings").hasRole(OBSERVER)
                .requestMatchers(GET, API + "/withdrawal/sightings").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(GET, API + "/withdrawal/zones", API + "/withdrawal/discrepancies").permitAll()
                .requestMatchers(GET, API + "/events", API + "/events/*", API + "/dashboard", API + "/claims", API + "/claims/*",
                        API + "/ceasefires", API + "/ceasefires/*/compliance", API + "/export/*", API + "/categories", API + "/settings").permitAll();
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, WEB + "/reports/new", WEB + "/reports/*/edit").hasRole(OBSERVER)
                .requestMatchers(POST, WEB + "/reports/new", WEB + "/reports/*/edit", WEB + "/reports/*/attachments").hasRole(OBSERVER)
                .requestMatchers(GET, WEB + "/reports/*/attachments/*").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, WEB + "/events/*/decision", WEB + "/events/*/merge", WEB + "/events/*/split").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(GET, WEB + "/claims/new").hasRole(DELEGATE)
                .requestMatchers(POST, WEB + "/claims/new").hasRole(DELEGATE)
                .requestMatchers(POST, WEB + "/claims/*/decision").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(GET, WEB + "/ceasefires/new").hasRole(MEDIATOR)
                .requestMatchers(POST, WEB + "/ceasefires/new", WEB + "/tiles", WEB + "/withdrawal/zones", WEB + "/settings", WEB + "/settings/regroup",
                        WEB + "/categories", WEB + "/observers", WEB + "/observers/*/remove").hasRole(MEDIATOR)
                .requestMatchers(GET, WEB + "/settings").hasRole(MEDIATOR)
                .requestMatchers(GET, WEB + "/outside.geojson").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(GET, WEB + "/imports/new", WEB + "/imports/*", WEB + "/imports/*/progress", WEB + "/alerts").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, WEB + "/imports/new", WEB + "/alerts/read").hasAnyRole(OBSERVER, MEDIATOR)
                .requestMatchers(POST, WEB + "/withdrawal/sites").hasRole(DELEGATE)
                .requestMatchers(POST, WEB + "/withdrawal/sightings").hasRole(OBSERVER)
                .requestMatchers(GET, WEB, WEB + "/map.geojson", WEB + "/events/*", WEB + "/claims/*", WEB + "/withdrawal").permitAll();
    }
}
