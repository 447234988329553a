package org.parley.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under their own prefixes instead of Boot's catch-all {@code /**}. With the catch-all,
 * every link a page builds ({@code @{/processes/1/milestones/7}}) is first looked up as a resource
 * on the class path by the resource chain's URL encoding; on a roadmap of 1,000 milestones that was
 * most of the page's time. (Boot's own mappings are off: {@code spring.web.resources.add-mappings}.)
 * {@code /data} holds public reference data the pages draw on, such as Ukraine's admin-1 boundaries
 * (OpenStreetMap contributors, ODbL) for maps that work offline.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (String folder : new String[] {"css", "js", "images", "data"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/").resourceChain(true);
        }
    }
}
