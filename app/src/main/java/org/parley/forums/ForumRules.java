package org.parley.forums;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.parley.platform.EndpointRules;
import org.parley.platform.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the forum endpoints: starting threads, replying, following and reporting are public (the
 * service then wants a citizen pass or an account); the moderation queue is the mediator's. Reviews,
 * translations and settings fall to the platform's rule for changes (mediators), checked per process.
 */
@Component
class ForumRules implements EndpointRules {

    private static final String MEDIATOR = Role.MEDIATOR.name();

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/processes/*/forum-threads", "/api/v1/processes/*/forum-threads/*/posts",
                        "/api/v1/processes/*/forum-threads/*/followers", "/api/v1/processes/*/forum-posts/*/reports",
                        "/api/v1/forums/unfollow").permitAll()
                .requestMatchers(GET, "/api/v1/processes/*/forum-moderation").hasRole(MEDIATOR);
    }

    @Override
    public void web(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/forums/unfollow").permitAll()
                .requestMatchers(POST, "/forums/unfollow", "/processes/*/forums/threads", "/processes/*/forums/threads/*/posts",
                        "/processes/*/forums/threads/*/follow", "/processes/*/forums/threads/*/unfollow",
                        "/processes/*/forums/posts/*/report").permitAll()
                .requestMatchers(GET, "/processes/*/forums/moderation").hasRole(MEDIATOR);
    }
}
