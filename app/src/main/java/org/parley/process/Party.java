package org.parley.process;

import java.util.Locale;

import org.parley.platform.Languages;

public record Party(long id, long processId, PartyKind kind, PartyRole role, String shortName,
                    String nameEn, String nameUk, String nameRu) {

    public String name(Locale locale) {
        return Languages.pick(locale, nameEn, nameUk, nameRu);
    }
}
