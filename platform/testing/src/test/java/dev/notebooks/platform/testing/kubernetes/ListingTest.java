package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists as a real server answers them: selectors of every kind, and pages. */
class ListingTest {

    private final RawApi api = RawApi.shared();
    private final String namespace = "listing-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void objects() {
        api.post("/api/v1/namespaces", "{\"metadata\": {\"name\": \"" + namespace + "\"}}");
        create("a", "{\"tier\": \"web\", \"team\": \"x\"}");
        create("b", "{\"tier\": \"db\", \"team\": \"x\"}");
        create("c", "{\"tier\": \"cache\"}");
        create("d", "{}");
    }

    @Test
    void setBasedAndExistenceLabelSelectors() {
        assertThat(names("labelSelector=tier+in+(web,db)")).containsExactly("a", "b");
        assertThat(names("labelSelector=tier+notin+(web,db)")).containsExactly("c", "d");
        assertThat(names("labelSelector=!team")).containsExactly("c", "d");
        assertThat(names("labelSelector=team,tier!=db")).containsExactly("a");
    }

    @Test
    void fieldSelectorsOnAnyFieldPath() {
        assertThat(names("fieldSelector=metadata.name%3Dc")).containsExactly("c");
        assertThat(names("fieldSelector=data.size!%3Dbig")).containsExactly("a", "b", "c");
    }

    @Test
    void limitAndContinuePageThroughEverything() {
        JsonNode first = api.get(collection() + "?limit=3").body();
        assertThat(first.path("metadata").path("remainingItemCount").asInt()).isEqualTo(1);
        String token = first.path("metadata").path("continue").asText();

        JsonNode second = api.get(collection() + "?limit=3&continue=" + token).body();

        assertThat(first.path("items").size()).isEqualTo(3);
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("metadata").path("name").asText())
                .isEqualTo("d");
        assertThat(second.path("metadata").has("continue")).isFalse();
    }

    @Test
    void anUnparsableSelectorIsABadRequest() {
        assertThat(api.get(collection() + "?labelSelector=a+in+b").status()).isEqualTo(400);
    }

    private void create(String name, String labels) {
        String data = name.equals("d") ? "{\"size\": \"big\"}" : "{}";
        api.post(
                collection(),
                "{\"metadata\": {\"name\": \"" + name + "\", \"labels\": " + labels + "}, \"data\": " + data + "}");
    }

    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        api.get(collection() + "?" + query)
                .body()
                .path("items")
                .forEach(item -> names.add(item.path("metadata").path("name").asText()));
        return names;
    }

    private String collection() {
        return "/api/v1/namespaces/" + namespace + "/configmaps";
    }
}
