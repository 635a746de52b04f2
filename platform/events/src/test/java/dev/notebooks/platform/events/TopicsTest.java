package dev.notebooks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void prefixGoesBeforeEveryTopic() {
        Topics topics = new Topics("nbp.");

        assertThat(topics.all())
                .containsExactly(
                        "nbp.profiles", "nbp.notebooks", "nbp.volumes", "nbp.catalog", "nbp.accounts", "nbp.usage");
    }

    @Test
    void everyTypeIsRoutedToTheTopicTheCatalogueNames() {
        Topics topics = new Topics("nbp.");

        assertThat(EventTypes.ALL)
                .allSatisfy(type -> assertThat(topics.forType(type.name())).isEqualTo("nbp." + type.topic()));
        assertThat(topics.forType("catalog.image.added.v1")).isEqualTo("nbp.catalog");
    }

    @Test
    void laterVersionsOfATypeTravelOnTheSameTopic() {
        assertThat(new Topics("").forType("notebook.started.v2")).isEqualTo("notebooks");
    }

    @Test
    void typeOfNoKnownResourceHasNoTopic() {
        Topics topics = new Topics("");

        assertThatThrownBy(() -> topics.forType("cluster.exploded.v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topics.forType("profiles")).isInstanceOf(IllegalArgumentException.class);
    }
}
