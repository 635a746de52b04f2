package dev.notebooks.catalog.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A manifest or blob as the registry served it.
 *
 * @param mediaType the {@code Content-Type} without parameters; empty when the registry sent none
 * @param digest {@code sha256:} of the content, as computed here
 * @param content the bytes
 */
record RegistryDocument(String mediaType, String digest, byte[] content) {

    static RegistryDocument of(String mediaType, byte[] content) {
        return new RegistryDocument(mediaType, sha256(content), content);
    }

    /** The content must be what {@code expectedDigest} names: a registry cannot swap what a digest pins. */
    RegistryDocument verifiedAgainst(String expectedDigest) {
        if (expectedDigest.startsWith("sha256:") && !expectedDigest.equals(digest)) {
            throw new RegistryException("the registry served content with digest " + digest + " for " + expectedDigest);
        }
        return this;
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
