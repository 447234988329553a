package org.parley.petitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Places the regions signers typed on the map: a name of a Ukrainian admin-1 area in English, Ukrainian or
 * Russian (with or without "oblast", in any case, any apostrophe) becomes its ISO 3166-2 code; anything else
 * is a region outside Ukraine (or one we cannot place) and is listed as typed.
 */
@Component
class PetitionRegions {

    private final Map<String, String> codeByName;

    PetitionRegions() {
        Map<String, String> names = new HashMap<>();
        try {
            String text = new ClassPathResource("petitions/regions.tsv").getContentAsString(StandardCharsets.UTF_8);
            text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
                String[] parts = line.split("\t");
                for (String name : parts[1].split("\\|")) {
                    names.put(key(name), parts[0]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.codeByName = Map.copyOf(names);
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("['’ʼ`]", "").replaceAll("[\\s_-]+", " ");
    }

    /** The ISO code of a Ukrainian area, or null for a place outside Ukraine (or unknown). */
    String code(String region) {
        return region == null ? null : codeByName.get(key(region));
    }

    RegionMap map(Map<String, Integer> byRegion) {
        Map<String, Integer> ukraine = new TreeMap<>();
        Map<String, Integer> elsewhere = new LinkedHashMap<>();
        byRegion.forEach((region, n) -> {
            String code = code(region);
            if (code != null) {
                ukraine.merge(code, n, Integer::sum);
            } else {
                elsewhere.merge(region, n, Integer::sum);
            }
        });
        return new RegionMap(ukraine, elsewhere);
    }
}
