package dev.notebooks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.events.account.AccountData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyTypeIsVersionedAndNamedAfterItsTopicsResource() {
        assertThat(EventTypes.ALL).allSatisfy(type -> {
            assertThat(type.name()).matches("[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");
            assertThat(type.topic())
                    .startsWith(type.name().substring(0, type.name().indexOf('.')));
        });
    }

    @Test
    void everyTypeHasADistinctRecordThatDeclaresItsName() throws Exception {
        assertThat(EventTypes.ALL.stream().map(EventType::dataClass).distinct()).hasSameSizeAs(EventTypes.ALL);
        for (EventType type : EventTypes.ALL) {
            assertThat(type.dataClass().isRecord()).isTrue();
            assertThat(type.dataClass().getField("TYPE").get(null)).isEqualTo(type.name());
            assertThat(EventTypes.named(type.name())).contains(type);
        }
    }

    @Test
    void everyTypeHasAJsonSchemaOnTheClassPath() {
        assertThat(EventTypes.ALL)
                .allSatisfy(type -> assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                        .as(type.schemaResource())
                        .isNotNull());
    }

    @Test
    void accountEventsCarryNoPasswordOrHash() {
        assertThat(EventTypes.ALL)
                .filteredOn(type -> AccountData.class.isAssignableFrom(type.dataClass()))
                .hasSize(5)
                .allSatisfy(type -> assertThat(Arrays.stream(type.dataClass().getRecordComponents())
                                .map(RecordComponent::getName))
                        .noneMatch(name -> name.toLowerCase().contains("password")
                                || name.toLowerCase().contains("hash")));
    }
}
