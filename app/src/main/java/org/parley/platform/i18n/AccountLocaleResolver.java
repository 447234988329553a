package org.parley.platform.i18n;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.Accounts;
import org.parley.platform.Languages;
import org.parley.platform.Viewer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The reader's language: the one chosen on their account, else the one remembered in a cookie, else the
 * browser's Accept-Language among English, Ukrainian and Russian.
 */
class AccountLocaleResolver extends CookieLocaleResolver {

    private final Accounts accounts;

    AccountLocaleResolver(Accounts accounts) {
        super("parley-lang");
        this.accounts = accounts;
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocale(Locale.ENGLISH);
        setDefaultLocaleFunction(AccountLocaleResolver::fromBrowser);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAnonymous()) {
            String chosen = (String) request.getAttribute(AccountLocaleResolver.class.getName());
            if (chosen == null) {
                chosen = accounts.find(viewer.accountId()).map(Accounts.Account::locale).orElse("");
                request.setAttribute(AccountLocaleResolver.class.getName(), chosen);
            }
            if (Languages.isSupported(chosen)) {
                return Locale.of(chosen);
            }
        }
        return super.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale);
        request.setAttribute(AccountLocaleResolver.class.getName(), locale == null ? "" : locale.getLanguage());
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        for (var range : Locale.LanguageRange.parse(request.getHeader("Accept-Language") == null ? "en" : request.getHeader("Accept-Language"))) {
            String lang = range.getRange().split("-")[0];
            if (Languages.isSupported(lang)) {
                return Locale.of(lang);
            }
        }
        return Locale.ENGLISH;
    }
}
