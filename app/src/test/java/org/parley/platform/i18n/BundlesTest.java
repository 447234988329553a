package org.parley.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** Every string of every feature exists in English, Ukrainian and Russian. */
class BundlesTest {

    @Test
    void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
        Set<String> basenames = Bundles.basenames();
        assertThat(basenames).contains("classpath:i18n/messages");
        for (String base : basenames) {
            Set<String> english = keys(base + ".properties");
            assertThat(english).as(base).isNotEmpty();
            for (String lang : new String[] {"uk", "ru"}) {
                assertThat(keys(base + "_" + lang + ".properties")).as(base + " in " + lang).containsExactlyInAnyOrderElementsOf(expected(english));
            }
        }
    }

    /**
     * English's keys as Ukrainian and Russian need them: a plural's "other" becomes CLDR's one, few and
     * many; a language's own name ({@code lang.native.uk}) is written once, in the base file.
     */
    private static Set<String> expected(Set<String> english) {
        Set<String> keys = new TreeSet<>();
        for (String key : english) {
            if (key.endsWith(".other")) {
                String stem = key.substring(0, key.length() - "other".length());
                keys.addAll(Set.of(stem + "one", stem + "few", stem + "many"));
            } else if (!key.startsWith("lang.native.") && !key.startsWith("lang.short.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> keys(String location) throws IOException {
        Resource r = new DefaultResourceLoader().getResource(location);
        assertThat(r.exists()).as(location).isTrue();
        Properties p = new Properties();
        try (InputStream in = r.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
