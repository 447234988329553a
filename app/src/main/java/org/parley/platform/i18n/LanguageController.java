package org.parley.platform.i18n;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.Languages;
import org.parley.platform.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final LanguagePreference preference;

    LanguageController(LocaleResolver locales, LanguagePreference preference) {
        this.locales = locales;
        this.preference = preference;
    }

    /** Switches the interface language, remembered on the account (or in a cookie for the public), and returns to the page. */
    @PostMapping("/language")
    String switchLanguage(@RequestParam String lang, @RequestParam(required = false) String back,
                          HttpServletRequest request, HttpServletResponse response) {
        if (Languages.isSupported(lang)) {
            locales.setLocale(request, response, Locale.of(lang));
            Viewer viewer = Viewer.current();
            if (!viewer.isAnonymous()) {
                preference.remember(viewer.accountId(), lang);
            }
        }
        return "redirect:" + safeLocalPath(back);
    }

    /** Only a path on this site: never an open redirect. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getHost() == null ? back : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
