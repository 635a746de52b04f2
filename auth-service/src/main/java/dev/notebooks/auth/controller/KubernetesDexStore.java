package dev.notebooks.auth.controller;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.dex.DexEntry;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.apply.Applier;
import dev.notebooks.platform.kube.runtime.ProjectionTarget;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dex's Kubernetes storage: one Password object per account in Dex's namespace, named as Dex derives it from the
 * email and labelled as this service's. Dex reads them on every login, so a change applies at once.
 */
public class KubernetesDexStore implements DexStore {

    private final ResourceClient client;
    private final Applier applier;
    private final GenericKubernetesApi<DexPassword, DexPasswordList> passwords;
    private final String namespace;

    public KubernetesDexStore(ResourceClient client, Applier applier, ApiClient apiClient, AuthSettings settings) {
        this.client = client;
        this.applier = applier;
        this.passwords = new GenericKubernetesApi<>(
                DexPassword.class, DexPasswordList.class, DexNames.GROUP, "v1", "passwords", apiClient);
        this.namespace = settings.getDexNamespace();
    }

    @Override
    public AccountBackend backend() {
        return AccountBackend.KUBERNETES;
    }

    /** Every Password object in Dex's namespace: others' too, since one with an account's email is drift. */
    @Override
    public ProjectionTarget<?> target() {
        return ProjectionTarget.everyIn(DexNames.PASSWORD, namespace);
    }

    @Override
    public List<DexEntry> read() throws ApiException {
        return list().stream().map(KubernetesDexStore::entry).toList();
    }

    @Override
    public void write(Collection<Account> accounts) throws ApiException {
        Map<String, DexPassword> actual = new HashMap<>();
        for (DexPassword password : list()) {
            actual.put(password.getMetadata().getName(), password);
        }
        for (Account account : accounts) {
            DexPassword desired = desired(account);
            applier.apply(
                    DexNames.PASSWORD, desired, actual.get(desired.getMetadata().getName()));
        }
        Set<String> wanted = accounts.stream()
                .map(account -> DexNames.passwordName(account.email()))
                .collect(Collectors.toSet());
        for (DexPassword password : actual.values()) {
            if (isManaged(password) && !wanted.contains(password.getMetadata().getName())) {
                client.delete(
                        DexNames.PASSWORD, namespace, password.getMetadata().getName());
            }
        }
    }

    /** The Password object Dex's storage would write for the account, plus this service's label. */
    public DexPassword desired(Account account) {
        V1ObjectMeta metadata = new V1ObjectMeta()
                .namespace(namespace)
                .name(DexNames.passwordName(account.email()))
                .putLabelsItem(DexNames.MANAGED_BY_LABEL, DexNames.MANAGED_BY);
        return DexPassword.of(
                metadata, account.email(), encodeHash(account.hash()), account.username(), account.userId());
    }

    /** Go's JSON encoding of a {@code []byte}: standard base64 with padding. */
    static String encodeHash(String hash) {
        return Base64.getEncoder().encodeToString(hash.getBytes(StandardCharsets.UTF_8));
    }

    private List<DexPassword> list() throws ApiException {
        return passwords.list(namespace).throwsApiException().getObject().getItems();
    }

    private static DexEntry entry(DexPassword password) {
        String hash = password.getHash() == null
                ? null
                : new String(Base64.getDecoder().decode(password.getHash()), StandardCharsets.UTF_8);
        return new DexEntry(
                password.getEmail(), password.getUsername(), password.getUserID(), hash, isManaged(password));
    }

    private static boolean isManaged(DexPassword password) {
        Map<String, String> labels = password.getMetadata().getLabels();
        return labels != null && DexNames.MANAGED_BY.equals(labels.get(DexNames.MANAGED_BY_LABEL));
    }
}
