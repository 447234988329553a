package org.parley.process;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names a party by its id alone, for pages outside a process (an account's page, the accounts list).
 * Templates reach it as {@code @partyLabels}, so the platform's pages need no dependency on this feature.
 */
@Component("partyLabels")
class PartyLabels {

    private final ProcessStore store;

    PartyLabels(ProcessStore store) {
        this.store = store;
    }

    /** "UA — Ukraine" in the reader's language, or null for no party. */
    public String label(Long partyId) {
        if (partyId == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return store.party(partyId).map(p -> p.shortName() + " — " + p.name(locale)).orElse(null);
    }

    /** The process a party belongs to, for a link to it. */
    public Long processOf(Long partyId) {
        return partyId == null ? null : store.party(partyId).map(Party::processId).orElse(null);
    }
}
