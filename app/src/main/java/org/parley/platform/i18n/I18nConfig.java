package org.parley.platform.i18n;

import org.parley.platform.Accounts;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class I18nConfig {

    @Bean
    LocaleResolver localeResolver(Accounts accounts) {
        return new AccountLocaleResolver(accounts);
    }

    /** Validation messages come from the same bundles as the rest of the interface. */
    @Bean
    LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }
}
