package dev.notebooks.profile.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import java.util.Map;
import java.util.TreeMap;

/** A ResourceQuotaSpec's {@code hard} limits as plain strings, the way users write them and events carry them. */
public final class Quotas {

    private Quotas() {}

    /** @return resource name to quantity ({@code cpu: "6"}), sorted by name; empty for no quota */
    public static Map<String, String> hard(V1ResourceQuotaSpec spec) {
        Map<String, String> hard = new TreeMap<>();
        if (spec != null && spec.getHard() != null) {
            spec.getHard().forEach((resource, quantity) -> hard.put(resource, text(quantity)));
        }
        return hard;
    }

    /** As client-java writes a quantity ({@code 16Gi}, {@code 500m}; {@code 1610612736} for {@code 1.5Gi}), and {@code 1k} rather than {@code 1e3}. */
    private static String text(Quantity quantity) {
        Quantity.Format format = quantity.getFormat() == Quantity.Format.DECIMAL_EXPONENT
                ? Quantity.Format.DECIMAL_SI
                : quantity.getFormat();
        return new Quantity(quantity.getNumber(), format).toSuffixedString();
    }

    public static V1ResourceQuotaSpec spec(Map<String, String> hard) {
        Map<String, Quantity> quantities = new TreeMap<>();
        hard.forEach((resource, quantity) -> quantities.put(resource, Quantity.fromString(quantity)));
        return new V1ResourceQuotaSpec().hard(quantities);
    }
}
