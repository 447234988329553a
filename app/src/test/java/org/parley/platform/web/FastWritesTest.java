package org.parley.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.parley.platform.FastWrite;
import org.parley.platform.InvalidInputException;
import org.parley.platform.TooManyRequestsException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fast path of the public writes: what it answers itself, and that everything else reaches the full path intact. */
class FastWritesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> answered = new ArrayList<>();

    /** Answers POST /api/v1/things/{id}: 202 for "ok", an error for "invalid" and "flood", and leaves anything else to the full path. */
    private final FastWrite things = new FastWrite() {
        @Override
        public boolean matches(String path) {
            return FastWrite.ids(path, "/api/v1/things/", "") != null;
        }

        @Override
        public Answer answer(HttpServletRequest request, String path, byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            answered.add(path + " " + text + " " + LocaleContextHolder.getLocale() + " "
                    + (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a && a.getRequest() == request));
            return switch (text) {
                case "\"ok\"" -> new Answer(202, null);
                case "\"echo\"" -> new Answer(200, Map.of("id", FastWrite.ids(path, "/api/v1/things/", "")[0]));
                case "\"invalid\"" -> throw new InvalidInputException("name", "thing.name.invalid");
                case "\"flood\"" -> throw new TooManyRequestsException("thing.flood", 1);
                default -> null;
            };
        }
    };

    private final FastWrites.FastWriteFilter filter;

    FastWritesTest() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("thing.name.invalid", Locale.ENGLISH, "The name is not valid");
        messages.addMessage("thing.name.invalid", Locale.of("uk"), "Ім'я недійсне");
        messages.addMessage("thing.flood", Locale.ENGLISH, "Too many things");
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setSupportedLocales(List.of(Locale.ENGLISH, Locale.of("uk"), Locale.of("ru")));
        locales.setDefaultLocale(Locale.ENGLISH);
        filter = new FastWrites.FastWriteFilter(List.of(things), locales, new ApiProblems(messages), json);
    }

    private MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void answersItsEndpointsWithoutTheChainAndWithTheSecurityHeaders() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post("/api/v1/things/42", "\"ok\""), response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(answered).containsExactly("/api/v1/things/42 \"ok\" en true"); // the reader's locale and the request, for links
        assertThat(RequestContextHolder.getRequestAttributes()).isNull();
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentLength()).isZero();
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");

        MockHttpServletResponse echoed = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/things/7", "\"echo\""), echoed, new MockFilterChain());
        assertThat(echoed.getStatus()).isEqualTo(200);
        assertThat(echoed.getContentType()).startsWith("application/json");
        assertThat(json.readTree(echoed.getContentAsByteArray()).path("id").asLong()).isEqualTo(7);
    }

    @Test
    void errorsBecomeProblemDetailsInTheReadersLanguage() throws Exception {
        MockHttpServletRequest request = post("/api/v1/things/42", "\"invalid\"");
        request.addHeader("Accept-Language", "uk-UA,uk;q=0.9");
        request.setPreferredLocales(List.of(Locale.of("uk", "UA"), Locale.of("uk")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/things/42");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("Ім'я недійсне");
        assertThat(LocaleContextHolder.getLocaleContext()).isNull();

        MockHttpServletResponse flood = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/things/42", "\"flood\""), flood, new MockFilterChain());
        assertThat(flood.getStatus()).isEqualTo(429);
        assertThat(flood.getHeader("Retry-After")).isEqualTo("1");
        assertThat(json.readTree(flood.getContentAsByteArray()).path("detail").asString()).isEqualTo("Too many things");
    }

    @Test
    void whatItDoesNotAnswerReachesTheFullPathWithTheWholeBody() throws Exception {
        MockFilterChain declined = new MockFilterChain();
        filter.doFilter(post("/api/v1/things/42", "{\"not\":\"mine\"}"), new MockHttpServletResponse(), declined);
        assertThat(declined.getRequest()).isNotNull();
        assertThat(declined.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{\"not\":\"mine\"}");
        assertThat(declined.getRequest().getContentLength()).isEqualTo(14);

        // larger than any signature or vote, sent without a length: read in part, then replayed whole
        String large = "\"" + "x".repeat(FastWrites.MAX_BODY + 500) + "\"";
        MockHttpServletRequest chunked = post("/api/v1/things/42", large);
        chunked.removeHeader("Content-Length");
        MockFilterChain big = new MockFilterChain();
        int before = answered.size();
        filter.doFilter(chunked, new MockHttpServletResponse(), big);
        assertThat(answered).hasSize(before);
        assertThat(big.getRequest().getReader().lines().reduce("", String::concat)).isEqualTo(large);
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        for (MockHttpServletRequest request : List.of(
                new MockHttpServletRequest("GET", "/api/v1/things/42"),
                post("/api/v1/things/42/more", "\"ok\""),
                post("/api/v1/things/x42", "\"ok\""),
                post("/api/v1/things/42;jsessionid=1", "\"ok\""),
                form())) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
        assertThat(answered).isEmpty();
    }

    private MockHttpServletRequest form() {
        MockHttpServletRequest request = post("/api/v1/things/42", "\"ok\"");
        request.setContentType("application/x-www-form-urlencoded");
        return request;
    }

    @Test
    void idsAreTheNumbersBetweenTheLiteralParts() {
        String[] sign = {"/api/v1/processes/", "/petitions/", "/signatures"};
        assertThat(FastWrite.ids("/api/v1/processes/7/petitions/912/signatures", sign)).containsExactly(7, 912);
        assertThat(FastWrite.ids("/api/v1/processes/7/petitions/912/signatures/", sign)).isNull();
        assertThat(FastWrite.ids("/api/v1/processes//petitions/912/signatures", sign)).isNull();
        assertThat(FastWrite.ids("/api/v1/processes/-7/petitions/912/signatures", sign)).isNull();
        assertThat(FastWrite.ids("/api/v1/processes/7/petitions/9%2F12/signatures", sign)).isNull();
        assertThat(FastWrite.ids("/api/v1/processes/1234567890123456789012/petitions/1/signatures", sign)).isNull();
    }
}
