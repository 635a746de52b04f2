package dev.notebooks.profile.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecManagersTest {

    private static final String SELF = "profile-service";

    @Test
    void theNewestWriterOfTheSpecIsTheOneNamed() {
        V1ObjectMeta metadata = new V1ObjectMeta()
                .managedFields(List.of(
                        write("kubectl-client-side-apply", "2025-01-01T10:00:00Z", "f:spec"),
                        write("kubectl-edit", "2025-01-01T12:00:00Z", "f:spec"),
                        write(SELF, "2025-01-01T11:00:00Z", "f:spec")));

        assertThat(SpecManagers.of(metadata, SELF)).isEqualTo("kubectl-edit");
    }

    @Test
    void ofTwoWritesInTheSameSecondTheOtherWritersIsTheNewer() {
        V1ObjectMeta metadata = new V1ObjectMeta()
                .managedFields(List.of(
                        write(SELF, "2025-01-01T12:00:00Z", "f:spec"),
                        write("kubectl-edit", "2025-01-01T12:00:00Z", "f:spec")));

        assertThat(SpecManagers.of(metadata, SELF)).isEqualTo("kubectl-edit");
    }

    @Test
    void writersOfOnlyMetadataOrStatusDoNotCount() {
        V1ObjectMeta metadata = new V1ObjectMeta()
                .managedFields(List.of(
                        write("kubectl-client-side-apply", "2025-01-01T10:00:00Z", "f:spec"),
                        write("kubectl-annotate", "2025-01-01T11:00:00Z", "f:metadata"),
                        write("someone", "2025-01-01T12:00:00Z", "f:status").subresource("status")));

        assertThat(SpecManagers.of(metadata, SELF)).isEqualTo("kubectl-client-side-apply");
    }

    @Test
    void withoutManagedFieldsTheWriterIsUnknown() {
        assertThat(SpecManagers.of(new V1ObjectMeta(), SELF)).isEqualTo("unknown");
    }

    private static V1ManagedFieldsEntry write(String manager, String time, String field) {
        return new V1ManagedFieldsEntry()
                .manager(manager)
                .operation("Update")
                .time(OffsetDateTime.parse(time))
                .fieldsV1(Map.of(field, Map.of()));
    }
}
