package dev.notebooks.notebook.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaCheckTest {

    private static final String QUOTA = "kf-resource-quota";

    @Test
    void aCpuRequestAboveWhatIsLeftIsNamedWithWhatIsLeft() {
        QuotaCheck.Quota quota = quota(Map.of("requests.cpu", "4"), Map.of("requests.cpu", "1500m"));

        List<Violation> violations =
                QuotaCheck.check(List.of(quota), pod(Map.of("cpu", "4", "memory", "1Gi"), Map.of()), "workspace");

        assertThat(violations).containsExactly(new Violation("cpu", "requests.cpu 4 > 2.5 left in kf-resource-quota"));
    }

    @Test
    void withinTheQuotaIsFine() {
        QuotaCheck.Quota quota = quota(
                Map.of("cpu", "8", "memory", "16Gi", "requests.storage", "100Gi", "persistentvolumeclaims", "5"),
                Map.of("cpu", "1", "memory", "2Gi", "requests.storage", "10Gi", "persistentvolumeclaims", "1"));
        ResourceDemand demand = pod(Map.of("cpu", "2", "memory", "4Gi"), Map.of())
                .plus(ResourceDemand.claims(List.of(claim("10Gi", null))));

        assertThat(QuotaCheck.check(List.of(quota), demand, "workspace")).isEmpty();
    }

    @Test
    void memoryGpusStorageAndClaimCountAreEachNamed() {
        QuotaCheck.Quota quota = quota(
                Map.of(
                        "requests.memory",
                        "4Gi",
                        "requests.nvidia.com/gpu",
                        "1",
                        "requests.storage",
                        "20Gi",
                        "persistentvolumeclaims",
                        "2"),
                Map.of(
                        "requests.memory",
                        "3Gi",
                        "requests.nvidia.com/gpu",
                        "1",
                        "requests.storage",
                        "15Gi",
                        "persistentvolumeclaims",
                        "2"));
        ResourceDemand demand = pod(Map.of("cpu", "1", "memory", "1.5Gi"), Map.of("nvidia.com/gpu", "1"))
                .plus(ResourceDemand.claims(List.of(claim("10Gi", null))));

        assertThat(QuotaCheck.check(List.of(quota), demand, "datavols"))
                .containsExactlyInAnyOrder(
                        new Violation("memory", "requests.memory 1.5Gi > 1Gi left in kf-resource-quota"),
                        new Violation("gpus", "requests.nvidia.com/gpu 1 > 0 left in kf-resource-quota"),
                        new Violation("datavols", "requests.storage 10Gi > 5Gi left in kf-resource-quota"),
                        new Violation("datavols", "persistentvolumeclaims 1 > 0 left in kf-resource-quota"));
    }

    @Test
    void aQuotaOnLimitsRefusesAPodWithoutThem() {
        QuotaCheck.Quota quota = quota(Map.of("limits.cpu", "10"), Map.of());
        V1PodSpec spec = new V1PodSpec()
                .addContainersItem(new V1Container()
                        .name("nb")
                        .resources(new V1ResourceRequirements()
                                .requests(quantities(Map.of("cpu", "1", "memory", "1Gi")))));

        assertThat(QuotaCheck.check(List.of(quota), ResourceDemand.pod(spec), "workspace"))
                .containsExactly(new Violation("cpuLimit", "limits.cpu must be set: kf-resource-quota limits it"));
    }

    @Test
    void perStorageClassQuotasCountOnlyTheirClass() {
        QuotaCheck.Quota quota = quota(Map.of("fast.storageclass.storage.k8s.io/requests.storage", "10Gi"), Map.of());
        ResourceDemand slow = ResourceDemand.claims(List.of(claim("50Gi", "slow")));
        ResourceDemand fast = ResourceDemand.claims(List.of(claim("50Gi", "fast")));

        assertThat(QuotaCheck.check(List.of(quota), slow, "datavols")).isEmpty();
        assertThat(QuotaCheck.check(List.of(quota), fast, "datavols"))
                .extracting(Violation::field)
                .containsExactly("datavols");
    }

    @Test
    void anEditOfARunningNotebookAsksOnlyForTheDifference() {
        QuotaCheck.Quota quota = quota(Map.of("requests.cpu", "4"), Map.of("requests.cpu", "3"));
        ResourceDemand before = pod(Map.of("cpu", "3", "memory", "1Gi"), Map.of());
        ResourceDemand after = pod(Map.of("cpu", "4", "memory", "1Gi"), Map.of());
        ResourceDemand greedy = pod(Map.of("cpu", "5", "memory", "1Gi"), Map.of());

        assertThat(QuotaCheck.check(List.of(quota), after.minus(before), "workspace"))
                .isEmpty();
        assertThat(QuotaCheck.check(List.of(quota), greedy.minus(before), "workspace"))
                .containsExactly(new Violation("cpu", "requests.cpu 2 > 1 left in kf-resource-quota"));
    }

    @Test
    void aMissingRequestCountsAsItsLimitAndTheLargestInitContainerCounts() {
        V1PodSpec spec = new V1PodSpec()
                .addContainersItem(new V1Container()
                        .name("nb")
                        .resources(
                                new V1ResourceRequirements().limits(quantities(Map.of("cpu", "1", "memory", "1Gi")))))
                .addInitContainersItem(new V1Container()
                        .name("init")
                        .resources(new V1ResourceRequirements().requests(quantities(Map.of("cpu", "3")))));

        ResourceDemand demand = ResourceDemand.pod(spec);

        assertThat(demand.amount("requests.cpu")).isEqualByComparingTo("3");
        assertThat(demand.amount("requests.memory")).isEqualByComparingTo("1073741824");
        assertThat(demand.amount("pods")).isEqualByComparingTo("1");
    }

    @Test
    void aQuotaTheControllerHasNotCountedYetCountsNothingUsed() {
        QuotaCheck.Quota quota = new QuotaCheck.Quota(QUOTA, quantities(Map.of("pods", "1")), null);

        assertThat(QuotaCheck.check(List.of(quota), pod(Map.of("cpu", "1", "memory", "1Gi"), Map.of()), "workspace"))
                .isEmpty();
    }

    private static QuotaCheck.Quota quota(Map<String, String> hard, Map<String, String> used) {
        return new QuotaCheck.Quota(QUOTA, quantities(hard), quantities(used));
    }

    private static ResourceDemand pod(Map<String, String> requests, Map<String, String> limits) {
        Map<String, String> allLimits = new HashMap<>(requests);
        allLimits.putAll(limits);
        return ResourceDemand.pod(new V1PodSpec()
                .addContainersItem(new V1Container()
                        .name("nb")
                        .resources(new V1ResourceRequirements()
                                .requests(quantities(requests))
                                .limits(quantities(allLimits)))));
    }

    private static V1PersistentVolumeClaim claim(String size, String storageClass) {
        return new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name("c"))
                .spec(new V1PersistentVolumeClaimSpec()
                        .storageClassName(storageClass)
                        .resources(new V1VolumeResourceRequirements().requests(quantities(Map.of("storage", size)))));
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> quantities = new HashMap<>();
        values.forEach((key, value) -> quantities.put(key, new Quantity(value)));
        return quantities;
    }
}
