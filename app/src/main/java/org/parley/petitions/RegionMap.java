package org.parley.petitions;

import java.util.Map;

/**
 * A petition's valid signatures by place: in Ukraine by ISO 3166-2 code of the admin-1 area (the cities of
 * Kyiv, UA-30, and Sevastopol, UA-40, apart), and elsewhere by the region the signers gave.
 */
public record RegionMap(Map<String, Integer> ukraine, Map<String, Integer> elsewhere) {
}
