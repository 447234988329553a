package org.parley.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, tried by every role. The table below is the one place that says
 * who may call what; an endpoint missing from it fails the test, so no endpoint ships without a rule.
 * "Allowed" means the security layer lets the call through (the answer is not 401, 403 or a redirect
 * to sign-in); what the call then does is other tests' business.
 */
@ParleyTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    /**
     * Who may call an endpoint, as far as the role goes; per-process and per-party checks come on top.
     * In a feature's rules file: PUBLIC, SIGNED_IN, NOBODY, or roles joined by commas (MEDIATOR,OBSERVER).
     */
    record Access(String name, boolean anonymous, Set<Role> roles) {
        static final Access PUBLIC = new Access("PUBLIC", true, EnumSet.allOf(Role.class));
        static final Access SIGNED_IN = new Access("SIGNED_IN", false, EnumSet.allOf(Role.class));
        static final Access NOBODY = new Access("NOBODY", false, EnumSet.noneOf(Role.class));
        static final Access MEDIATOR = of(Role.MEDIATOR);
        static final Access WITNESS_KEEPERS = of(Role.MEDIATOR, Role.DELEGATE);

        static Access of(Role first, Role... rest) {
            EnumSet<Role> roles = EnumSet.of(first, rest);
            return new Access(roles.toString(), false, roles);
        }

        static Access parse(String text) {
            return switch (text) {
                case "PUBLIC" -> PUBLIC;
                case "SIGNED_IN" -> SIGNED_IN;
                case "NOBODY" -> NOBODY;
                default -> {
                    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                    for (String r : text.split(",")) {
                        roles.add(Role.valueOf(r.trim()));
                    }
                    yield new Access(roles.toString(), false, roles);
                }
            };
        }

        boolean allows(Role role) {
            return role == null ? anonymous : roles.contains(role);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Map<String, Access> RULES = new LinkedHashMap<>();

    static {
        // API
        rule("POST /api/v1/auth/token", Access.PUBLIC);
        rule("GET /api/v1/me", Access.SIGNED_IN);
        rule("GET /api/v1/accounts", Access.MEDIATOR);
        rule("POST /api/v1/accounts", Access.MEDIATOR);
        rule("GET /api/v1/processes", Access.PUBLIC);
        rule("POST /api/v1/processes", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}", Access.PUBLIC);
        rule("PUT /api/v1/processes/{processId}", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/parties", Access.PUBLIC);
        rule("POST /api/v1/processes/{processId}/parties", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/parties/{partyId}", Access.PUBLIC);
        rule("GET /api/v1/processes/{processId}/tracks", Access.PUBLIC);
        rule("POST /api/v1/processes/{processId}/tracks", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/tracks/{trackId}", Access.PUBLIC);
        rule("GET /api/v1/processes/{processId}/sessions", Access.PUBLIC);
        rule("POST /api/v1/processes/{processId}/sessions", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/sessions/{sessionId}", Access.PUBLIC);
        rule("PUT /api/v1/processes/{processId}/sessions/{sessionId}/outcome", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/milestones", Access.PUBLIC);
        rule("POST /api/v1/processes/{processId}/milestones", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/milestones/{milestoneId}", Access.PUBLIC);
        rule("PUT /api/v1/processes/{processId}/milestones/{milestoneId}", Access.MEDIATOR);
        rule("POST /api/v1/processes/{processId}/milestones/{milestoneId}/status", Access.MEDIATOR);
        rule("GET /api/v1/processes/{processId}/milestones/{milestoneId}/history", Access.PUBLIC);
        rule("GET /api/v1/record", Access.PUBLIC);
        rule("GET /api/v1/record/entries/{index}", Access.PUBLIC);
        rule("GET /api/v1/record/consistency", Access.PUBLIC);
        rule("GET /api/v1/record/facts", Access.PUBLIC);
        rule("GET /api/v1/record/witnesses", Access.PUBLIC);
        rule("POST /api/v1/record/witnesses", Access.WITNESS_KEEPERS);
        rule("GET /log/checkpoint", Access.PUBLIC);
        rule("GET /log/tile/{*path}", Access.PUBLIC);
        rule("POST /log/add-checkpoint", Access.PUBLIC);
        // Framework endpoints
        rule("GET /error", Access.PUBLIC);
        rule("POST /error", Access.NOBODY); // reached only as an error dispatch of another request
        rule("GET /v3/api-docs", Access.PUBLIC);
        rule("GET /v3/api-docs.yaml", Access.PUBLIC);
        rule("GET /v3/api-docs/swagger-config", Access.PUBLIC);
        rule("GET /swagger-ui.html", Access.PUBLIC);
        // Actuator
        rule("GET /actuator", Access.NOBODY);
        rule("GET /actuator/health", Access.PUBLIC);
        rule("GET /actuator/info", Access.PUBLIC);
        rule("GET /actuator/prometheus", Access.MEDIATOR);
        // Pages
        rule("GET /record", Access.PUBLIC);
        rule("GET /record/entries/{index}", Access.PUBLIC);
        rule("GET /record/about", Access.PUBLIC);
        rule("POST /language", Access.PUBLIC);
        rule("GET /", Access.PUBLIC);
        rule("GET /login", Access.PUBLIC);
        rule("GET /account", Access.SIGNED_IN);
        rule("POST /account/tokens", Access.SIGNED_IN);
        rule("POST /account/tokens/{tokenId}/revoke", Access.SIGNED_IN);
        rule("GET /accounts", Access.MEDIATOR);
        rule("POST /accounts", Access.MEDIATOR);
        rule("GET /processes", Access.PUBLIC);
        rule("GET /processes/new", Access.MEDIATOR);
        rule("POST /processes/new", Access.MEDIATOR);
        rule("GET /processes/{processId}", Access.PUBLIC);
        rule("GET /processes/{processId}/edit", Access.MEDIATOR);
        rule("POST /processes/{processId}/edit", Access.MEDIATOR);
        rule("GET /processes/{processId}/parties", Access.PUBLIC);
        rule("GET /processes/{processId}/parties/new", Access.MEDIATOR);
        rule("POST /processes/{processId}/parties/new", Access.MEDIATOR);
        rule("GET /processes/{processId}/tracks", Access.PUBLIC);
        rule("GET /processes/{processId}/tracks/{trackId}", Access.PUBLIC);
        rule("GET /processes/{processId}/tracks/new", Access.MEDIATOR);
        rule("POST /processes/{processId}/tracks/new", Access.MEDIATOR);
        rule("GET /processes/{processId}/sessions", Access.PUBLIC);
        rule("GET /processes/{processId}/sessions/{sessionId}", Access.PUBLIC);
        rule("GET /processes/{processId}/sessions/new", Access.MEDIATOR);
        rule("POST /processes/{processId}/sessions/new", Access.MEDIATOR);
        rule("GET /processes/{processId}/sessions/{sessionId}/outcome", Access.MEDIATOR);
        rule("POST /processes/{processId}/sessions/{sessionId}/outcome", Access.MEDIATOR);
        rule("GET /processes/{processId}/roadmap", Access.PUBLIC);
        rule("GET /processes/{processId}/milestones", Access.PUBLIC);
        rule("GET /processes/{processId}/milestones/{milestoneId}", Access.PUBLIC);
        rule("GET /processes/{processId}/milestones/new", Access.MEDIATOR);
        rule("POST /processes/{processId}/milestones/new", Access.MEDIATOR);
        rule("GET /processes/{processId}/milestones/{milestoneId}/edit", Access.MEDIATOR);
        rule("POST /processes/{processId}/milestones/{milestoneId}/edit", Access.MEDIATOR);
        rule("POST /processes/{processId}/milestones/{milestoneId}/status", Access.MEDIATOR);
    }

    private static void rule(String endpoint, Access access) {
        if (RULES.put(endpoint, access) != null) {
            throw new IllegalStateException("two rules for " + endpoint);
        }
    }

    /** Sample ids for path variables that features add: a name and the SQL that finds one in the demo. */
    static final Map<String, String> SAMPLE_QUERIES = new LinkedHashMap<>();

    /*
     * Each feature keeps its rules beside its tests, in src/test/resources/authorization/FEATURE.rules:
     *   METHOD /path/{var}  ACCESS        an endpoint and who may call it
     *   sample var = SQL                  how to find a value for {var} (first column of the first row)
     */
    static {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:authorization/*.rules")) {
                for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("sample ")) {
                        String[] kv = line.substring(7).split("=", 2);
                        SAMPLE_QUERIES.put(kv[0].strip(), kv[1].strip());
                    } else {
                        String[] parts = line.split("\\s+");
                        rule(parts[0] + " " + parts[1], Access.parse(parts[2]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    final Map<Role, Accounts.Account> demoAccounts = new LinkedHashMap<>();
    final Map<Role, String> apiTokens = new LinkedHashMap<>();
    final Map<String, String> samples = new LinkedHashMap<>();

    @BeforeAll
    void demoAccountsAndIds() {
        Map<Role, String> emails = Map.of(Role.MEDIATOR, "mediator@demo.parley", Role.DELEGATE, "delegate.us@demo.parley",
                Role.OBSERVER, "observer@demo.parley", Role.HUMANITARIAN, "humanitarian@demo.parley", Role.ANALYST, "analyst@demo.parley");
        for (Role role : Role.values()) {
            Accounts.Account a = accounts.findByEmail(emails.get(role)).orElseThrow();
            demoAccounts.put(role, a);
            apiTokens.put(role, tokens.issue(a.id(), "authorization test").token());
        }
        long process = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        samples.put("processId", String.valueOf(process));
        samples.put("partyId", first("SELECT id FROM party WHERE process_id = ?", process));
        samples.put("trackId", first("SELECT id FROM track WHERE process_id = ?", process));
        samples.put("sessionId", first("SELECT s.id FROM track_session s JOIN track t ON t.id = s.track_id WHERE t.process_id = ?", process));
        samples.put("milestoneId", first("SELECT id FROM milestone WHERE process_id = ?", process));
        samples.put("tokenId", "999999999");
        // list(), not stream(): an unclosed stream keeps its connection, and one per sample query drains the pool.
        SAMPLE_QUERIES.forEach((name, sql) -> samples.put(name, jdbc.sql(sql).query((rs, n) -> rs.getString(1)).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample for {" + name + "}: " + sql))));
        samples.put("index", "0");
    }

    private String first(String sql, long process) {
        return String.valueOf(jdbc.sql(sql + " ORDER BY 1 LIMIT 1").param(process).query(Long.class).single());
    }

    /** Every handler method's endpoints as "METHOD /pattern". */
    private Set<String> endpoints() {
        Set<String> all = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<RequestMethod> verbs = methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : new ArrayList<>(methods);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod verb : verbs) {
                    all.add(verb.name() + " " + pattern);
                }
            }
        });
        all.add("GET /actuator");
        actuatorEndpoints.getAllRootPaths().forEach(p -> all.add("GET " + actuatorEndpoints.getBasePath() + "/" + p));
        return all;
    }

    @Test
    void everyEndpointHasARule() {
        List<String> missing = endpoints().stream().filter(e -> !RULES.containsKey(e)).toList();
        assertThat(missing).as("endpoints without an authorization rule in AuthorizationTest.RULES").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Access access = RULES.get(endpoint);
            if (access == null) {
                continue; // reported by everyEndpointHasARule
            }
            List<Role> roles = new ArrayList<>(Arrays.asList(Role.values()));
            roles.add(0, null);
            for (Role role : roles) {
                boolean allowed = callAllowed(endpoint, role);
                if (allowed != access.allows(role)) {
                    wrong.add(endpoint + " as " + (role == null ? "anonymous" : role) + ": " + (allowed ? "let through" : "refused")
                            + " but the rule is " + access);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private boolean callAllowed(String endpoint, Role role) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String path = concrete(parts[1]);
        boolean api = path.startsWith("/api/") || path.startsWith("/log/") || path.startsWith("/v3/") || path.startsWith("/actuator");
        MockHttpServletRequestBuilder req = request(method, path).accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (method != HttpMethod.GET) {
            req.with(csrf());
            if (api) {
                req.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (role != null) {
            if (api) {
                req.header("Authorization", "Bearer " + apiTokens.get(role));
            } else {
                var principal = new ParleyPrincipal(AccountUserDetailsService.viewerOf(demoAccounts.get(role)), null);
                req.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())));
            }
        }
        MvcResult result = mvc.perform(req).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        boolean toSignIn = status == 302 && location != null && location.contains("/login");
        return status != 401 && status != 403 && !toSignIn;
    }

    private String concrete(String pattern) {
        pattern = pattern.replace("{*path}", "checkpoint-is-not-a-tile");
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = samples.get(m.group(1));
            assertThat(value).as("a sample value for {" + m.group(1) + "} in " + pattern).isNotNull();
            m.appendReplacement(sb, value);
        }
        m.appendTail(sb);
        return sb.toString().replace("/**", "/index.html");
    }
}
