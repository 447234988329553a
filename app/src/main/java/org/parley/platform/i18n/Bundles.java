package org.parley.platform.i18n;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The message bundles of the interface: one base file per feature under {@code i18n/}, in the three languages. */
final class Bundles {

    private Bundles() {
    }

    /** {@code classpath:i18n/messages}, {@code classpath:i18n/monitoring}, …: the files without a language suffix. */
    static Set<String> basenames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = r.getFilename();
            if (file != null && !file.matches(".*_[a-z]{2}\\.properties")) {
                names.add("classpath:i18n/" + file.substring(0, file.length() - ".properties".length()));
            }
        }
        return names;
    }
}
