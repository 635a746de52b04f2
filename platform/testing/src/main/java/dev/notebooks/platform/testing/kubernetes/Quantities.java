package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Kubernetes quantities as numbers, and a pod's effective requests and limits, as the scheduler and quota count them. */
final class Quantities {

    private Quantities() {}

    static BigDecimal parse(JsonNode quantity) {
        return parse(quantity.asText());
    }

    static BigDecimal parse(String quantity) {
        try {
            return Quantity.fromString(quantity).getNumber();
        } catch (RuntimeException notAQuantity) {
            return BigDecimal.ZERO;
        }
    }

    /** As Kubernetes prints a quantity: {@code 500m}, {@code 2}, {@code 1Gi}. */
    static String format(String resource, BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        boolean bytes =
                resource.endsWith("memory") || resource.endsWith("storage") || resource.startsWith("hugepages-");
        boolean binary = bytes
                && value.stripTrailingZeros().scale() <= 0
                && value.toBigInteger().mod(java.math.BigInteger.valueOf(1024)).signum() == 0;
        return new Quantity(value, binary ? Quantity.Format.BINARY_SI : Quantity.Format.DECIMAL_SI).toSuffixedString();
    }

    /** A map of quantities ({@code resources.requests}) as numbers. */
    static Map<String, BigDecimal> of(JsonNode quantities) {
        Map<String, BigDecimal> values = new TreeMap<>();
        quantities.fields().forEachRemaining(entry -> values.put(entry.getKey(), parse(entry.getValue())));
        return values;
    }

    /** What a pod asks for ({@code requests}) or may use ({@code limits}): containers summed, init containers' max, overhead. */
    static Map<String, BigDecimal> ofPod(JsonNode pod, String kind) {
        Map<String, BigDecimal> total = new TreeMap<>();
        for (JsonNode container : pod.path("spec").path("containers")) {
            of(container.path("resources").path(kind))
                    .forEach((name, value) -> total.merge(name, value, BigDecimal::add));
        }
        for (JsonNode container : pod.path("spec").path("initContainers")) {
            of(container.path("resources").path(kind))
                    .forEach((name, value) -> total.merge(name, value, BigDecimal::max));
        }
        of(pod.path("spec").path("overhead")).forEach((name, value) -> total.merge(name, value, BigDecimal::add));
        return total;
    }

    static boolean terminal(JsonNode pod) {
        String phase = Json.text(pod, "status", "phase");
        return phase.equals("Succeeded") || phase.equals("Failed");
    }
}
