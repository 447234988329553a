package org.parley.record.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.parley.record.MalformedKeyException;

/**
 * The signed-note key encodings: verifier keys {@code <name>+<hex key ID>+<base64(type || key)>}
 * and the Go-compatible signer keys {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type || key)>}.
 */
final class KeyStrings {

    static final byte ED25519 = 0x01;
    static final byte COSIGNATURE_V1 = 0x04;
    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private KeyStrings() {
    }

    /** A parsed key string: name, the key ID it claims, the signature type and the key bytes. */
    record Parsed(String name, int claimedKeyId, byte type, byte[] key) {
    }

    /** Key names are non-empty and contain neither Unicode spaces nor '+'. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp < 0x20 || cp == 0x85);
    }

    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid key name (empty, or contains a space or '+'): " + name);
        }
    }

    /** SHA-256(name || '\n' || type || key)[:4], big-endian. */
    static int keyId(String name, byte type, byte[] key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(type);
            md.update(key);
            return ByteBuffer.wrap(md.digest(), 0, 4).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static Parsed parseVerifierKey(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new MalformedKeyException("verifier key is not <name>+<key ID>+<key>: " + vkey);
        }
        return parseParts(parts[0], parts[1], parts[2], "verifier key");
    }

    static Parsed parsePrivateKey(String skey) {
        String stripped = skey.strip();
        if (!stripped.startsWith(PRIVATE_PREFIX)) {
            throw new MalformedKeyException("private key does not start with PRIVATE+KEY+");
        }
        String[] parts = stripped.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new MalformedKeyException("private key is not PRIVATE+KEY+<name>+<key ID>+<key>");
        }
        // Never echo the key material into messages that may end up in logs.
        return parseParts(parts[0], parts[1], parts[2], "private key for " + parts[0]);
    }

    static String formatVerifierKey(String name, byte type, byte[] key) {
        return name + "+" + hex(keyId(name, type, key)) + "+" + base64(type, key);
    }

    static String formatPrivateKey(String name, int keyId, byte type, byte[] seed) {
        return PRIVATE_PREFIX + name + "+" + hex(keyId) + "+" + base64(type, seed);
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Decodes standard base64 only if it is in canonical, padded form; otherwise null. */
    static byte[] decodeBase64Strict(String b64) {
        try {
            byte[] decoded = Base64.getDecoder().decode(b64);
            return Base64.getEncoder().encodeToString(decoded).equals(b64) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Parsed parseParts(String name, String hexId, String b64, String what) {
        if (!isValidName(name)) {
            throw new MalformedKeyException(what + ": invalid key name '" + name + "'");
        }
        if (hexId.length() != 8 || !hexId.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new MalformedKeyException(what + ": key ID must be 8 hex digits, not '" + hexId + "'");
        }
        byte[] typed = decodeBase64Strict(b64);
        if (typed == null || typed.length < 2) {
            throw new MalformedKeyException(what + ": key is not valid base64 of a type byte and key");
        }
        int claimed = (int) Long.parseLong(hexId, 16);
        return new Parsed(name, claimed, typed[0], Arrays.copyOfRange(typed, 1, typed.length));
    }

    private static String base64(byte type, byte[] key) {
        byte[] typed = new byte[key.length + 1];
        typed[0] = type;
        System.arraycopy(key, 0, typed, 1, key.length);
        return Base64.getEncoder().encodeToString(typed);
    }
}
