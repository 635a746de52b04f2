package dev.notebooks.notebook.domain.quota;

import dev.notebooks.notebook.domain.Quantities;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a notebook takes from its namespace's ResourceQuotas, by quota resource name ({@code requests.cpu}, {@code
 * limits.memory}, {@code requests.nvidia.com/gpu}, {@code requests.storage}, {@code persistentvolumeclaims}, {@code
 * pods}, and per storage class), computed as quota admission does.
 *
 * @param amounts quota resource name to amount (cpu in cores, memory and storage in bytes, counts)
 * @param unspecified the compute resources some container sets no value for ({@code limits.cpu}): a quota that limits
 *     one refuses the pod
 */
public record ResourceDemand(Map<String, BigDecimal> amounts, Set<String> unspecified) {

    private static final Set<String> COMPUTE = Set.of("cpu", "memory");
    private static final Set<String> NOT_EXTENDED = Set.of("cpu", "memory", "ephemeral-storage");

    public ResourceDemand {
        amounts = new TreeMap<>(amounts);
        unspecified = new TreeSet<>(unspecified);
    }

    public static ResourceDemand none() {
        return new ResourceDemand(Map.of(), Set.of());
    }

    /** One pod: its containers' sum, or its largest init container where that is more, as the scheduler counts. */
    public static ResourceDemand pod(V1PodSpec pod) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        Set<String> unspecified = new TreeSet<>();
        List<V1Container> containers = pod.getContainers() == null ? List.of() : pod.getContainers();
        for (V1Container container : containers) {
            add(amounts, unspecified, container);
        }
        for (V1Container init : pod.getInitContainers() == null ? List.<V1Container>of() : pod.getInitContainers()) {
            Map<String, BigDecimal> one = new TreeMap<>();
            add(one, new TreeSet<>(), init);
            one.forEach((key, value) -> amounts.merge(key, value, BigDecimal::max));
        }
        amounts.put("pods", BigDecimal.ONE);
        amounts.put("count/pods", BigDecimal.ONE);
        return new ResourceDemand(amounts, unspecified);
    }

    /** New PVCs: their storage requests and count, in total and per storage class they name. */
    public static ResourceDemand claims(Collection<V1PersistentVolumeClaim> claims) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (V1PersistentVolumeClaim claim : claims) {
            BigDecimal size = claim.getSpec() == null || claim.getSpec().getResources() == null
                    ? BigDecimal.ZERO
                    : Quantities.parse(requests(claim).get("storage")).orElse(BigDecimal.ZERO);
            amounts.merge("requests.storage", size, BigDecimal::add);
            amounts.merge("persistentvolumeclaims", BigDecimal.ONE, BigDecimal::add);
            amounts.merge("count/persistentvolumeclaims", BigDecimal.ONE, BigDecimal::add);
            String storageClass =
                    claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
            if (storageClass != null && !storageClass.isEmpty()) {
                String prefix = storageClass + ".storageclass.storage.k8s.io/";
                amounts.merge(prefix + "requests.storage", size, BigDecimal::add);
                amounts.merge(prefix + "persistentvolumeclaims", BigDecimal.ONE, BigDecimal::add);
            }
        }
        return new ResourceDemand(amounts, Set.of());
    }

    public ResourceDemand plus(ResourceDemand other) {
        Map<String, BigDecimal> sum = new TreeMap<>(amounts);
        other.amounts.forEach((key, value) -> sum.merge(key, value, BigDecimal::add));
        Set<String> missing = new TreeSet<>(unspecified);
        missing.addAll(other.unspecified);
        return new ResourceDemand(sum, missing);
    }

    /** What an edit adds to a running notebook: the new pod replaces the old one. */
    public ResourceDemand minus(ResourceDemand other) {
        Map<String, BigDecimal> difference = new TreeMap<>(amounts);
        other.amounts.forEach((key, value) -> difference.merge(key, value.negate(), BigDecimal::add));
        return new ResourceDemand(difference, unspecified);
    }

    public BigDecimal amount(String resource) {
        return amounts.getOrDefault(resource, BigDecimal.ZERO);
    }

    private static void add(Map<String, BigDecimal> amounts, Set<String> unspecified, V1Container container) {
        Map<String, Quantity> requests =
                container.getResources() == null || container.getResources().getRequests() == null
                        ? Map.of()
                        : container.getResources().getRequests();
        Map<String, Quantity> limits =
                container.getResources() == null || container.getResources().getLimits() == null
                        ? Map.of()
                        : container.getResources().getLimits();
        for (String resource : COMPUTE) {
            // the API server defaults a missing request to the limit
            Quantity request = requests.containsKey(resource) ? requests.get(resource) : limits.get(resource);
            if (request == null) {
                unspecified.add("requests." + resource);
            } else {
                amounts.merge(
                        "requests." + resource, Quantities.parse(request).orElse(BigDecimal.ZERO), BigDecimal::add);
            }
            if (limits.get(resource) == null) {
                unspecified.add("limits." + resource);
            } else {
                amounts.merge(
                        "limits." + resource,
                        Quantities.parse(limits.get(resource)).orElse(BigDecimal.ZERO),
                        BigDecimal::add);
            }
        }
        Set<String> extended = new TreeSet<>(limits.keySet());
        extended.addAll(requests.keySet());
        for (String resource : extended) {
            if (NOT_EXTENDED.contains(resource) || resource.startsWith("hugepages-")) {
                continue;
            }
            Quantity amount = requests.containsKey(resource) ? requests.get(resource) : limits.get(resource);
            amounts.merge("requests." + resource, Quantities.parse(amount).orElse(BigDecimal.ZERO), BigDecimal::add);
        }
    }

    private static Map<String, Quantity> requests(V1PersistentVolumeClaim claim) {
        Map<String, Quantity> requests = claim.getSpec().getResources().getRequests();
        return requests == null ? Map.of() : requests;
    }
}
