package org.parley.verify;

import java.util.Base64;

final class Encodings {

    private Encodings() {
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
