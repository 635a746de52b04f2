package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deletion as a real server and kube-controller-manager do it: finalizers, owner references, namespaces. */
class GarbageCollectionTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private final RawApi api = RawApi.shared();
    private final String namespace = "gc-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void namespace() {
        assertThat(api.post("/api/v1/namespaces", "{\"metadata\": {\"name\": \"" + namespace + "\"}}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void dependentGoesSoonAfterItsOwner() {
        String owner = uid(create("owner", null, ""));
        create("child", owner, "");
        create("grandchild", uid(get("child")), "");

        assertThat(api.delete(path("owner")).status()).isEqualTo(200);

        await().atMost(SOON).until(() -> api.get(path("child")).status() == 404);
        await().atMost(SOON).until(() -> api.get(path("grandchild")).status() == 404);
    }

    @Test
    void aDependentCreatedAfterItsOwnerWasDeletedIsCollected() {
        String owner = uid(create("owner", null, ""));
        assertThat(api.delete(path("owner")).status()).isEqualTo(200);
        await().atMost(SOON).until(() -> api.get(path("owner")).status() == 404);

        // a controller writing from a cache that had not seen the deletion yet
        create("late", owner, "");

        await().atMost(SOON).until(() -> api.get(path("late")).status() == 404);
    }

    @Test
    void dependentWithAnotherLiveOwnerStaysAndLosesTheDanglingReference() {
        String first = uid(create("first", null, ""));
        String second = uid(create("second", null, ""));
        api.post(
                collection(),
                """
                {"metadata": {"name": "shared", "ownerReferences": [
                  {"apiVersion": "v1", "kind": "ConfigMap", "name": "first", "uid": "%s"},
                  {"apiVersion": "v1", "kind": "ConfigMap", "name": "second", "uid": "%s"}]}}"""
                        .formatted(first, second));

        api.delete(path("first"));

        await().atMost(SOON)
                .until(() ->
                        get("shared").path("metadata").path("ownerReferences").size() == 1);
        assertThat(get("shared")
                        .path("metadata")
                        .path("ownerReferences")
                        .get(0)
                        .path("uid")
                        .asText())
                .isEqualTo(second);
    }

    @Test
    void foregroundDeletionKeepsTheOwnerUntilItsDependentsAreGone() {
        String owner = uid(create("owner", null, ""));
        create("held", owner, "\"finalizers\": [\"example.com/hold\"],");

        var deleting = api.delete(path("owner"), "{\"propagationPolicy\": \"Foreground\"}");

        assertThat(deleting.status()).isEqualTo(202);
        assertThat(deleting.body().path("metadata").path("finalizers").toString())
                .contains("foregroundDeletion");
        await().atMost(SOON).until(() -> get("held").path("metadata").has("deletionTimestamp"));
        assertThat(api.get(path("owner")).status()).isEqualTo(200);

        api.patch(path("held"), "application/merge-patch+json", "{\"metadata\": {\"finalizers\": null}}");

        await().atMost(SOON).until(() -> api.get(path("held")).status() == 404);
        await().atMost(SOON).until(() -> api.get(path("owner")).status() == 404);
    }

    @Test
    void orphanDeletionLeavesTheDependentsWithoutTheReference() {
        String owner = uid(create("owner", null, ""));
        create("orphan", owner, "");

        api.delete(path("owner"), "{\"propagationPolicy\": \"Orphan\"}");

        await().atMost(SOON).until(() -> api.get(path("owner")).status() == 404);
        assertThat(get("orphan").path("metadata").has("ownerReferences")).isFalse();
    }

    @Test
    void finalizerHoldsADeletionUntilItIsRemoved() {
        create("final", null, "\"finalizers\": [\"example.com/hold\"],");

        assertThat(api.delete(path("final")).status()).isEqualTo(202);
        assertThat(get("final").path("metadata").has("deletionTimestamp")).isTrue();
        var adding = api.patch(
                path("final"),
                "application/json-patch+json",
                "[{\"op\": \"add\", \"path\": \"/metadata/finalizers/-\", \"value\": \"example.com/another\"}]");
        assertThat(adding.status()).isEqualTo(422);

        api.patch(path("final"), "application/merge-patch+json", "{\"metadata\": {\"finalizers\": []}}");

        assertThat(api.get(path("final")).status()).isEqualTo(404);
    }

    @Test
    void deletedNamespaceTakesEverythingInItAndRefusesNewContent() {
        create("inside", null, "");
        create("held", null, "\"finalizers\": [\"example.com/hold\"],");

        var deleting = api.delete("/api/v1/namespaces/" + namespace);

        assertThat(deleting.body().path("status").path("phase").asText()).isEqualTo("Terminating");
        await().atMost(SOON).until(() -> api.get(path("inside")).status() == 404);
        assertThat(api.post(collection(), "{\"metadata\": {\"name\": \"late\"}}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/namespaces/" + namespace).status()).isEqualTo(200);

        api.patch(path("held"), "application/merge-patch+json", "{\"metadata\": {\"finalizers\": null}}");

        await().atMost(SOON)
                .until(() -> api.get("/api/v1/namespaces/" + namespace).status() == 404);
    }

    @Test
    void objectInANamespaceThatDoesNotExistIsRefused() {
        var refused = api.post("/api/v1/namespaces/no-such-namespace/configmaps", "{\"metadata\": {\"name\": \"x\"}}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().path("message").asText()).isEqualTo("namespaces \"no-such-namespace\" not found");
    }

    private JsonNode create(String name, String ownerUid, String extraMetadata) {
        String owners = ownerUid == null
                ? ""
                : """
                "ownerReferences": [{"apiVersion": "v1", "kind": "ConfigMap", "name": "x", "uid": "%s"}],"""
                        .formatted(ownerUid);
        var created =
                api.post(collection(), "{\"metadata\": {" + owners + extraMetadata + "\"name\": \"" + name + "\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private JsonNode get(String name) {
        return api.get(path(name)).body();
    }

    private static String uid(JsonNode object) {
        return object.path("metadata").path("uid").asText();
    }

    private String collection() {
        return "/api/v1/namespaces/" + namespace + "/configmaps";
    }

    private String path(String name) {
        return collection() + "/" + name;
    }
}
