package dev.notebooks.auth.controller;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Dex's names and kinds, as dexidp/dex's storage/kubernetes derives them. */
public final class DexNames {

    public static final String GROUP = "dex.coreos.com";
    public static final String API_VERSION = GROUP + "/v1";
    public static final String PASSWORD_KIND = "Password";

    public static final ResourceType<DexPassword> PASSWORD =
            ResourceType.namespaced(GROUP, "v1", PASSWORD_KIND, "passwords", DexPassword.class, DexPasswordList.class);

    public static final ResourceType<V1Deployment> DEPLOYMENT = ResourceType.namespaced(
            "apps", "v1", "Deployment", "deployments", V1Deployment.class, V1DeploymentList.class);

    /** The label on the Password objects this service writes; objects without it are someone else's. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    public static final String MANAGED_BY = "auth-service";

    /** {@code kubectl rollout restart} sets this on the pod template; a new value rolls the Deployment. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    /** Go's {@code fnv.New64().Sum(nil)}: the FNV-1 64-bit offset basis, the hash of no input. */
    private static final long FNV64_OF_NOTHING = 0xcbf29ce484222325L;

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private DexNames() {}

    /**
     * The Password object name Dex reads for an email. Dex's {@code idToName(email, fnv.New64)} is
     * {@code base32(h().Sum([]byte(email)))} with the alphabet {@code a-z2-7} and the padding trimmed, and Go's
     * {@code Sum(b)} appends the hash of what was written (nothing) to {@code b}: so the name is the email's bytes
     * followed by the 8 bytes of FNV-1 64's offset basis, base32-encoded. The email is lower-cased first, as Dex does.
     */
    public static String passwordName(String email) {
        byte[] address = email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(address.length + Long.BYTES)
                .put(address)
                .putLong(FNV64_OF_NOTHING)
                .array();
        return base32WithoutPadding(input);
    }

    private static String base32WithoutPadding(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }
}
