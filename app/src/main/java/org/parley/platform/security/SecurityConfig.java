package org.parley.platform.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.parley.platform.ContentSecurityPolicy;
import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.parley.platform.web.PublicWriteMapping;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every endpoint has an explicit rule here; anything unlisted is denied. Features then refine per
 * process (a mediator administers only the processes they mediate) and per party (a delegate sees
 * only what is shared with its party).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String MEDIATOR = Role.MEDIATOR.name();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm named in each stored hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        return new ProviderManager(new ThrottledAuthenticationProvider(users, passwords, throttle));
    }

    /**
     * The {@link org.parley.platform.PublicWrite} endpoints (a citizen's signature or vote, thousands a second):
     * permitted to everyone, and none of the filters that look for an identity runs (no session, no bearer token,
     * no CSRF, no anonymous principal), so they cost the least a request can.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicWrites(HttpSecurity http, PublicWriteMapping.Mapping writes, ProblemSecurityHandlers problems) throws Exception {
        List<RequestMatcher> endpoints = writes.endpoints().stream()
                .map(e -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(e.method(), e.pattern())).toList();
        http.securityMatcher(endpoints.isEmpty() ? request -> false : new OrRequestMatcher(endpoints))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.API)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * No observation (metrics, spans) of every security filter and decision on every request: nothing reads them,
     * and they cost more than the filters. Requests are still timed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemSecurityHandlers problems, ObjectProvider<EndpointRules> features) throws Exception {
        http.securityMatcher("/api/**", "/log/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .csrf(c -> c.disable()) // bearer tokens only: no cookie is honoured on these paths
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .anonymous(a -> {})
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.API)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(GET, "/api/v1/me").authenticated()
                        .requestMatchers(GET, "/api/v1/accounts").hasRole(MEDIATOR)
                        .requestMatchers(POST, "/api/v1/accounts").hasRole(MEDIATOR)
                        .requestMatchers(GET, "/api/v1/record", "/api/v1/record/**").permitAll()
                        .requestMatchers(POST, "/api/v1/record/witnesses").hasAnyRole(MEDIATOR, Role.DELEGATE.name())
                        // The public log as C2SP tlog-tiles; a witness authenticates by its cosignature.
                        .requestMatchers(GET, "/log/checkpoint", "/log/tile/**").permitAll()
                        .requestMatchers(POST, "/log/add-checkpoint").permitAll())
                .authorizeHttpRequests(a -> features.orderedStream().forEach(f -> f.api(a)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/api/v1/processes", "/api/v1/processes/**").permitAll()
                        .requestMatchers(POST, "/api/v1/processes", "/api/v1/processes/**").hasRole(MEDIATOR)
                        .requestMatchers(PUT, "/api/v1/processes/**").hasRole(MEDIATOR)
                        .requestMatchers(PATCH, "/api/v1/processes/**").hasRole(MEDIATOR)
                        .requestMatchers(DELETE, "/api/v1/processes/**").hasRole(MEDIATOR)
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(GET, "/actuator/prometheus").hasRole(MEDIATOR)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<EndpointRules> features) throws Exception {
        http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.PAGES))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a
                        // Error pages and forwards belong to a request that was already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(GET, "/css/**", "/js/**", "/images/**", "/data/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(GET, "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(GET, "/", "/login", "/error").permitAll()
                        .requestMatchers(GET, "/record", "/record/**").permitAll()
                        .requestMatchers(POST, "/language").permitAll()
                        .requestMatchers(GET, "/account").authenticated()
                        .requestMatchers(POST, "/account/tokens", "/account/tokens/*/revoke").authenticated()
                        .requestMatchers(GET, "/accounts").hasRole(MEDIATOR)
                        .requestMatchers(POST, "/accounts").hasRole(MEDIATOR))
                .authorizeHttpRequests(a -> features.orderedStream().forEach(f -> f.web(a)))
                .authorizeHttpRequests(a -> a
                        // Forms that change a process: its mediators only (checked again per process).
                        .requestMatchers(GET, "/processes/new", "/processes/*/edit", "/processes/*/*/new", "/processes/*/*/*/edit",
                                "/processes/*/sessions/*/outcome").hasRole(MEDIATOR)
                        .requestMatchers(POST, "/processes", "/processes/**").hasRole(MEDIATOR)
                        .requestMatchers(GET, "/processes/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
