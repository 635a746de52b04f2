package dev.notebooks.auth.dex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** Dex's configuration edited in place: only the static password entries change, everything else comes out as it was. */
public class DexConfigTest {

    public static final String KUBEFLOW_CONFIG = resource("/dex/kubeflow-config.yaml");
    /** Kubeflow's configuration as this service writes it back (see {@link #anAddedEntryLeavesEverythingElseAsItWas}). */
    public static final String KUBEFLOW_CONFIG_AS_WRITTEN = KUBEFLOW_CONFIG.replace(
            """
            staticClients:
            # https://github.com/dexidp/dex/pull/1664
            - idEnv: OIDC_CLIENT_ID
            """,
            """
            staticClients:
            - # https://github.com/dexidp/dex/pull/1664
              idEnv: OIDC_CLIENT_ID
            """);

    static final String ALICE_HASH = "$2a$10$abcdefghijklmnopqrstuuJ5hAqkM3fNRBY1XlYsbmk0s2lkuuiyq";

    @Test
    void readingTheEntriesOfKubeflowsConfiguration() {
        List<DexConfig.Entry> entries = DexConfig.parse(KUBEFLOW_CONFIG).staticPasswords();

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).fields())
                .containsEntry("email", "user@example.com")
                .containsEntry("hash", "$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72")
                .containsEntry("username", "user")
                .containsEntry("userID", "15841185641784");
    }

    /**
     * Keys, order, quoting, flow lists and comments survive. One cosmetic change: SnakeYAML attaches a comment that
     * stood before a list's first item to the item ({@code - # ...}), which YAML reads the same.
     */
    @Test
    void anAddedEntryLeavesEverythingElseAsItWas() {
        DexConfig config = DexConfig.parse(KUBEFLOW_CONFIG);
        List<Node> entries = new ArrayList<>(
                config.staticPasswords().stream().map(DexConfig.Entry::node).toList());
        entries.add(config.entry("alice@example.com", ALICE_HASH, "Alice", "0c3d0f2e-9d7c-4f7e-a0a4-3d1c0f4e2b11"));

        config.setStaticPasswords(entries);

        assertThat(config.text())
                .isEqualTo(
                        KUBEFLOW_CONFIG_AS_WRITTEN.replace(
                                """
                  userID: "15841185641784"
                """,
                                """
                  userID: "15841185641784"
                - email: alice@example.com
                  hash: $2a$10$abcdefghijklmnopqrstuuJ5hAqkM3fNRBY1XlYsbmk0s2lkuuiyq
                  username: Alice
                  userID: 0c3d0f2e-9d7c-4f7e-a0a4-3d1c0f4e2b11
                """));
    }

    @Test
    void removingEveryEntryLeavesAnEmptyList() {
        DexConfig config = DexConfig.parse(KUBEFLOW_CONFIG);

        config.setStaticPasswords(List.of());

        assertThat(DexConfig.parse(config.text()).staticPasswords()).isEmpty();
        assertThat(config.text())
                .contains("staticPasswords: []")
                .contains("issuer: http://dex.auth.svc.cluster.local:5556/dex");
    }

    public static String resource(String path) {
        try (InputStream in = DexConfigTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
