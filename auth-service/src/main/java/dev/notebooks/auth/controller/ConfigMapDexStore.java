package dev.notebooks.auth.controller;

import com.google.gson.JsonObject;
import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.dex.DexConfig;
import dev.notebooks.auth.dex.DexConfigMap;
import dev.notebooks.auth.dex.DexEntry;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.ProjectionTarget;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code staticPasswords} of Dex's ConfigMap, as Kubeflow's manifests configure Dex: this service's entries are
 * edited in place, everything else is kept, and Dex's Deployment is restarted (it reads its configuration only at
 * start) whenever the entries change.
 */
public class ConfigMapDexStore implements DexStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigMapDexStore.class);

    private final DexConfigMap configMap;
    private final ResourceClient client;
    private final String namespace;
    private final String deployment;
    private final String configMapName;
    private final Clock clock;

    public ConfigMapDexStore(DexConfigMap configMap, ResourceClient client, AuthSettings settings, Clock clock) {
        this.configMap = configMap;
        this.client = client;
        this.namespace = settings.getDexNamespace();
        this.deployment = settings.getDexDeployment();
        this.configMapName = settings.getConfigMapName();
        this.clock = clock;
    }

    @Override
    public AccountBackend backend() {
        return AccountBackend.CONFIGMAP;
    }

    @Override
    public ProjectionTarget<?> target() {
        return ProjectionTarget.object(ResourceTypes.CONFIG_MAP, namespace, configMapName);
    }

    @Override
    public List<DexEntry> read() throws ApiException {
        DexConfigMap.Snapshot snapshot = configMap.read();
        return snapshot.config().staticPasswords().stream()
                .filter(entry -> entry.email() != null)
                .map(entry -> entry(entry, snapshot.managed()))
                .toList();
    }

    @Override
    public void write(Collection<Account> accounts) throws ApiException {
        DexConfigMap.Snapshot snapshot = configMap.read();
        DexConfig config = snapshot.config();
        Map<String, Account> wanted = new LinkedHashMap<>();
        accounts.forEach(account -> wanted.put(account.email(), account));
        List<DexConfig.Entry> before = config.staticPasswords();
        List<Node> after = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (DexConfig.Entry entry : before) {
            String email = normalize(entry.email());
            Account account = wanted.get(email);
            if (account != null) {
                if (written.add(email)) {
                    after.add(sameAs(entry, account) ? entry.node() : node(config, account));
                }
            } else if (!snapshot.managed().contains(email)) {
                after.add(entry.node());
            }
        }
        for (Account account : wanted.values()) {
            if (written.add(account.email())) {
                after.add(node(config, account));
            }
        }
        boolean entriesChanged =
                !before.stream().map(DexConfig.Entry::node).toList().equals(after);
        boolean managedChanged = !snapshot.managed().equals(wanted.keySet());
        if (!entriesChanged && !managedChanged) {
            return;
        }
        config.setStaticPasswords(after);
        configMap.write(snapshot, config, wanted.keySet());
        if (entriesChanged) {
            restartDex();
        }
    }

    /** {@code kubectl rollout restart}: a new restartedAt annotation on the pod template rolls the pods. */
    void restartDex() throws ApiException {
        // RFC 3339 like kubectl's, with the fraction of a second, so two restarts within a second still differ
        JsonObject patch = MergePatchBuilder.mergePatch()
                .put(
                        "spec.template.metadata.annotations",
                        DexNames.RESTARTED_AT,
                        Instant.now(clock).toString())
                .build();
        try {
            client.mergePatch(DexNames.DEPLOYMENT, namespace, deployment, patch);
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            LOG.warn(
                    "Dex's Deployment {}/{} does not exist: restart Dex to apply its new passwords",
                    namespace,
                    deployment);
        }
    }

    private static Node node(DexConfig config, Account account) {
        return config.entry(account.email(), account.hash(), account.username(), account.userId());
    }

    private static boolean sameAs(DexConfig.Entry entry, Account account) {
        Map<String, String> fields = entry.fields();
        return account.email().equals(fields.get("email"))
                && account.hash().equals(fields.get("hash"))
                && account.username().equals(fields.get("username"))
                && account.userId().equals(fields.get("userID"))
                && fields.size() == 4;
    }

    private static DexEntry entry(DexConfig.Entry entry, Set<String> managed) {
        Map<String, String> fields = entry.fields();
        String email = normalize(entry.email());
        return new DexEntry(
                email, fields.get("username"), fields.get("userID"), fields.get("hash"), managed.contains(email));
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
