package org.parley.petitions;

/**
 * A citizen who has proven an email in a process (see {@link CitizenPasses}): the name they gave and the
 * address, which is never shown to the public. {@link #key()} tells people apart the way signatures do:
 * by the normalised address.
 */
public record Citizen(long passId, long processId, String name, String email, String emailNorm) {

    public String key() {
        return "email:" + emailNorm;
    }
}
