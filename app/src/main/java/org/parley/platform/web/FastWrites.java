package org.parley.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.ContentSecurityPolicy;
import org.parley.platform.FastWrite;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the {@link FastWrite} endpoints as the first filter, ahead of the security chains, the observation of
 * {@code http.server.requests}, the session, locale and encoding filters and Spring MVC's dispatch, binding and
 * validation: profiled under load (JFR, 2,200 signatures/s) those took about 60 % of the JVM's CPU of a
 * signature, the write itself about 20 %. These endpoints are public and take no identity, so none of that
 * decides anything for them; the security headers the lean chain wrote are written here.
 */
@Configuration(proxyBeanMethods = false)
class FastWrites {

    /** Larger bodies are no signature or vote: the full path judges them. */
    static final int MAX_BODY = 4096;

    @Bean
    FilterRegistrationBean<Filter> fastWriteFilter(List<FastWrite> endpoints, LocaleResolver locales, ApiProblems problems, JsonMapper json) {
        var registration = new FilterRegistrationBean<Filter>(new FastWriteFilter(endpoints, locales, problems, json));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("fastWrites");
        return registration;
    }

    static final class FastWriteFilter implements Filter {
        private final FastWrite[] endpoints;
        private final LocaleResolver locales;
        private final ApiProblems problems;
        private final JsonMapper json;
        private final JsonMapper problemJson;

        FastWriteFilter(List<FastWrite> endpoints, LocaleResolver locales, ApiProblems problems, JsonMapper json) {
            this.endpoints = endpoints.toArray(FastWrite[]::new);
            this.locales = locales;
            this.problems = problems;
            this.json = json;
            this.problemJson = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build(); // as Spring MVC writes them
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            FastWrite endpoint = "POST".equals(request.getMethod()) ? endpoint(request.getRequestURI()) : null;
            if (endpoint == null || request.getContentLengthLong() > MAX_BODY || !json(request.getContentType())) {
                chain.doFilter(req, res);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                chain.doFilter(new ReplayedBody(request, body, false), res);
                return;
            }
            HttpServletResponse response = (HttpServletResponse) res;
            // resolved when asked for, as DispatcherServlet does: most answers need no language (a vote's never does)
            LocaleContextHolder.setLocaleContext(() -> locales.resolveLocale(request));
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response)); // links built from this request
            try {
                FastWrite.Answer answer;
                try {
                    answer = endpoint.answer(request, request.getRequestURI(), body);
                } catch (RuntimeException e) {
                    ResponseEntity<ProblemDetail> problem = problems.render(e, request);
                    if (problem == null) {
                        throw e;
                    }
                    headers(response);
                    problem.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                    response.setStatus(problem.getStatusCode().value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    problemJson.writeValue(response.getOutputStream(), problem.getBody());
                    return;
                }
                if (answer == null) {
                    chain.doFilter(new ReplayedBody(request, body, true), res);
                    return;
                }
                headers(response);
                response.setStatus(answer.status());
                if (answer.body() == null) {
                    response.setContentLength(0);
                } else {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    byte[] out = json.writeValueAsBytes(answer.body());
                    response.setContentLength(out.length);
                    response.getOutputStream().write(out);
                }
            } finally {
                RequestContextHolder.resetRequestAttributes();
                LocaleContextHolder.resetLocaleContext();
            }
        }

        private FastWrite endpoint(String path) {
            for (FastWrite e : endpoints) {
                if (e.matches(path)) {
                    return e;
                }
            }
            return null;
        }

        private static boolean json(String contentType) {
            return contentType != null && contentType.regionMatches(true, 0, "application/json", 0, 16);
        }

        /** What the lean security chain of the public writes wrote (Spring Security's defaults and its policy). */
        private static void headers(HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-XSS-Protection", "0");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", ContentSecurityPolicy.API);
        }
    }

    /** The request with the part of its body already read readable again (then the rest, if any), for the full path. */
    static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final boolean complete;
        private ServletInputStream stream;

        ReplayedBody(HttpServletRequest request, byte[] body, boolean complete) {
            super(request);
            this.body = body;
            this.complete = complete;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream != null) {
                return stream;
            }
            InputStream in = complete ? new ByteArrayInputStream(body)
                    : new SequenceInputStream(new ByteArrayInputStream(body), super.getInputStream());
            stream = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return complete ? body.length : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return complete ? body.length : super.getContentLengthLong();
        }
    }
}
