package dev.notebooks.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest {

    @Test
    void quantitiesReadAsUsersWriteThemInCanonicalForm() {
        Map<String, String> hard = Map.of(
                "cpu", "500m",
                "memory", "16Gi",
                "requests.storage", "1.5Gi",
                "pods", "1e3",
                "requests.nvidia.com/gpu", "1");

        assertThat(Quotas.hard(Quotas.spec(hard)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "cpu", "500m",
                        "memory", "16Gi",
                        "requests.storage", "1610612736",
                        "pods", "1k",
                        "requests.nvidia.com/gpu", "1"));
    }

    @Test
    void noSpecMeansNoQuota() {
        assertThat(Quotas.hard(null)).isEmpty();
    }
}
