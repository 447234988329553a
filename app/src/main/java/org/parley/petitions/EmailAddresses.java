package org.parley.petitions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email addresses as signatures count them: one signature per normalised address per petition. Case is
 * ignored everywhere; where a provider delivers dotted or tagged variants of an address to the same
 * mailbox, the variants count as one.
 */
public final class EmailAddresses {

    /** How a provider treats a local part: whether it ignores dots and whether it drops "+tag". */
    record Provider(boolean ignoresDots, boolean ignoresPlusTags, String canonicalDomain) {
    }

    /**
     * Providers known to ignore dots and/or "+tags" in the local part. Others keep both: for an unknown
     * domain, "a.b+c" and "ab" may be different people.
     */
    static final Map<String, Provider> PROVIDERS = Map.ofEntries(
            Map.entry("gmail.com", new Provider(true, true, "gmail.com")),
            Map.entry("googlemail.com", new Provider(true, true, "gmail.com")),
            Map.entry("outlook.com", new Provider(false, true, "outlook.com")),
            Map.entry("hotmail.com", new Provider(false, true, "hotmail.com")),
            Map.entry("live.com", new Provider(false, true, "live.com")),
            Map.entry("icloud.com", new Provider(false, true, "icloud.com")),
            Map.entry("me.com", new Provider(false, true, "me.com")),
            Map.entry("mac.com", new Provider(false, true, "mac.com")),
            Map.entry("protonmail.com", new Provider(false, true, "protonmail.com")),
            Map.entry("proton.me", new Provider(false, true, "proton.me")),
            Map.entry("pm.me", new Provider(false, true, "pm.me")),
            Map.entry("fastmail.com", new Provider(false, true, "fastmail.com")),
            Map.entry("yandex.ru", new Provider(false, true, "yandex.ru")),
            Map.entry("yandex.com", new Provider(false, true, "yandex.com")));

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Set<String> NONE = Set.of();

    private EmailAddresses() {
    }

    /** The address trimmed, if it is a plain, well-formed address (no display name, no quoted parts); else empty. */
    public static Optional<String> valid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.length() > 254) {
            return Optional.empty();
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at != s.indexOf('@') || at == s.length() - 1) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The domain of a valid address, lower-cased. */
    public static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The key one signature per petition is counted by. The address must be {@link #valid}. */
    public static String normalise(String address) {
        String s = address.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        Provider p = PROVIDERS.get(domain);
        if (p == null) {
            return local + "@" + domain;
        }
        if (p.ignoresPlusTags()) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        if (p.ignoresDots()) {
            local = local.replace(".", "");
        }
        return local + "@" + p.canonicalDomain();
    }
}
