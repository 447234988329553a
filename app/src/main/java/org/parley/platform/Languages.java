package org.parley.platform;

import java.util.List;
import java.util.Locale;

/** The languages of Parley's interface. User content keeps whatever language it was written in. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "uk", "ru");

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** Picks the name in the reader's language from the three a party or area carries. */
    public static String pick(Locale locale, String en, String uk, String ru) {
        return switch (locale.getLanguage()) {
            case "uk" -> uk;
            case "ru" -> ru;
            default -> en;
        };
    }
}
