package dev.notebooks.auth.controller;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * Dex's {@code dex.coreos.com/v1} Password as its Kubernetes storage writes it (dexidp/dex storage/kubernetes
 * types.go): the fields at the top level, no spec. {@code hash} is a Go {@code []byte}, so in JSON it is the
 * standard base64 of the bcrypt hash's text.
 */
public class DexPassword implements KubernetesObject {

    private String apiVersion = DexNames.API_VERSION;
    private String kind = DexNames.PASSWORD_KIND;
    private V1ObjectMeta metadata;
    private String email;
    private String hash;
    private String username;
    private String userID;

    public static DexPassword of(
            V1ObjectMeta metadata, String email, String base64Hash, String username, String userId) {
        DexPassword password = new DexPassword();
        password.metadata = metadata;
        password.email = email;
        password.hash = base64Hash;
        password.username = username;
        password.userID = userId;
        return password;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public String getEmail() {
        return email;
    }

    /** @return the base64 of the bcrypt hash, as Dex stores it */
    public String getHash() {
        return hash;
    }

    public String getUsername() {
        return username;
    }

    public String getUserID() {
        return userID;
    }

    @Override
    public String toString() {
        return "DexPassword[" + (metadata == null ? null : metadata.getName()) + ", email=" + email + "]";
    }
}
