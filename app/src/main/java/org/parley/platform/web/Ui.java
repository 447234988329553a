package org.parley.platform.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.platform.Languages;
import org.parley.platform.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's layout needs and no single controller owns: who is looking, where the language switch
 * returns to, times shown in UTC and counted words in the reader's language. Templates reach it as
 * {@code @ui}; it works on error pages too, where no controller filled the model.
 */
@Component("ui")
public class Ui {

    /** A request attribute a controller may set to name the page the language switch returns to (e.g. after a POST). */
    public static final String BACK = Ui.class.getName() + ".back";

    private final MessageSource messages;

    Ui(MessageSource messages) {
        this.messages = messages;
    }

    public Viewer viewer() {
        return Viewer.current();
    }

    public boolean signedIn() {
        return !Viewer.current().isAnonymous();
    }

    /** Whether the viewer is a mediator (of some process: pages check the process itself). */
    public boolean mediator() {
        return Viewer.current().is(org.parley.platform.Role.MEDIATOR);
    }

    public String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    public java.util.List<String> languages() {
        return Languages.SUPPORTED;
    }

    /** The current page's path and query, for the language switch to come back to. */
    public String back() {
        HttpServletRequest request = request();
        if (request == null) {
            return "/";
        }
        if (request.getAttribute(BACK) instanceof String back) {
            return back;
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (errorUri instanceof String uri) {
            return uri.startsWith("/error") ? "/" : uri;
        }
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        return query == null || !"GET".equals(request.getMethod()) ? uri : uri + "?" + query;
    }

    /** The current path, without query, e.g. to mark the navigation entry of the page being read. */
    public String path() {
        HttpServletRequest request = request();
        if (request == null) {
            return "/";
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return errorUri instanceof String uri ? uri : request.getRequestURI();
    }

    /** An instant as the date and time it is in UTC, which is how Parley shows and takes session times. */
    public LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * "3 months", "3 місяці", "5 месяцев": {@code n} followed by the right plural of {@code code}
     * ({@code code.one}, {@code code.few}, {@code code.many} or {@code code.other}).
     */
    public String count(String code, Number n) {
        long value = n == null ? 0 : n.longValue();
        return value + " " + word(code, value);
    }

    /** Only the word of {@link #count}, for sentences that place the number themselves. */
    public String word(String code, Number n) {
        long value = n == null ? 0 : n.longValue();
        Locale locale = LocaleContextHolder.getLocale();
        String category = pluralCategory(locale.getLanguage(), value);
        String word = messages.getMessage(code + "." + category, null, null, locale);
        if (word == null) {
            word = messages.getMessage(code + ".other", null, code, locale);
        }
        return word;
    }

    /** CLDR plural categories for integers in English, Ukrainian and Russian. */
    static String pluralCategory(String language, long n) {
        if ("uk".equals(language) || "ru".equals(language)) {
            long mod10 = Math.abs(n) % 10;
            long mod100 = Math.abs(n) % 100;
            if (mod10 == 1 && mod100 != 11) {
                return "one";
            }
            if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
                return "few";
            }
            return "many";
        }
        return n == 1 ? "one" : "other";
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs ? attrs.getRequest() : null;
    }
}
