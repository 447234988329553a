package org.parley.petitions;

/**
 * What a confirmation link's token points at: the signature's id and the hash of the secret it must carry
 * ({@code <id>_<secret>}, since V56), or, for a link mailed before (the secret alone, 43 characters), the hash
 * to look up ({@code id} -1).
 */
record SignatureToken(long id, String hash) {

    private static final int LEGACY_LENGTH = 43;

    static SignatureToken parse(String token) {
        if (token == null) {
            return new SignatureToken(-1, Petitions.sha256(""));
        }
        int sep = token.indexOf('_');
        if (token.length() != LEGACY_LENGTH && sep > 0 && sep <= 18 && sep < token.length() - 1) {
            long id = 0;
            for (int i = 0; i < sep; i++) {
                char c = token.charAt(i);
                if (c < '0' || c > '9') {
                    return new SignatureToken(-1, Petitions.sha256(token));
                }
                id = id * 10 + (c - '0');
            }
            return new SignatureToken(id, Petitions.sha256(token.substring(sep + 1)));
        }
        return new SignatureToken(-1, Petitions.sha256(token));
    }

    /** The token mailed for signature {@code id} with {@code secret}. */
    static String of(long id, String secret) {
        return id + "_" + secret;
    }

    boolean legacy() {
        return id < 0;
    }
}
