package org.parley.platform.i18n;

import java.io.IOException;

import org.parley.platform.Accounts;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class I18nConfig {

    @Bean
    LocaleResolver localeResolver(Accounts accounts) {
        return new AccountLocaleResolver(accounts);
    }

    /**
     * Every bundle under {@code i18n/}: the platform's {@code messages} and one per feature
     * ({@code i18n/monitoring.properties} with its {@code _uk} and {@code _ru} files), so that a feature
     * brings its strings without touching anyone else's file.
     */
    @Bean
    MessageSource messageSource() throws IOException {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(Bundles.basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheMillis(-1);
        return source;
    }

    /** Validation messages come from the same bundles as the rest of the interface. */
    @Bean
    LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }
}
