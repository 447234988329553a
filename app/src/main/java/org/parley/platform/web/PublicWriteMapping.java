package org.parley.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.parley.platform.PublicWrite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The handler mapping of the {@link PublicWrite} endpoints, asked before the main one. A path with
 * variables ({@code /processes/{p}/petitions/{id}/signatures}) is matched by the main mapping against
 * every one of the application's ~300 mappings in turn, on every request; this one holds a handful.
 * The endpoints stay in the main mapping too (for the API docs and the authorization table).
 */
@Configuration(proxyBeanMethods = false)
public class PublicWriteMapping {

    /** The method and path patterns of one {@link PublicWrite} endpoint. */
    public record Endpoint(HttpMethod method, String pattern) {
    }

    public static final class Mapping extends RequestMappingHandlerMapping {

        @Override
        protected boolean isHandler(Class<?> beanType) {
            return AnnotatedElementUtils.hasAnnotation(beanType, RestController.class);
        }

        @Override
        protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
            return method.isAnnotationPresent(PublicWrite.class) ? super.getMappingForMethod(method, handlerType) : null;
        }

        /** Every method and pattern this mapping serves. */
        public List<Endpoint> endpoints() {
            List<Endpoint> out = new ArrayList<>();
            getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(m ->
                    info.getPatternValues().forEach(p -> out.add(new Endpoint(HttpMethod.valueOf(m.name()), p)))));
            return out;
        }
    }

    @Bean
    Mapping publicWriteHandlerMapping() {
        Mapping mapping = new Mapping();
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}
