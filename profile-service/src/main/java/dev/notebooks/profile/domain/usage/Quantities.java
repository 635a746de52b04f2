package dev.notebooks.profile.domain.usage;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes quantities ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}) as exact decimals, never doubles. */
public final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile(
            "^([+-]?[0-9]+(?:\\.[0-9]*)?|[+-]?\\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$");

    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    private Quantities() {}

    /**
     * @return the quantity's exact value (cores for cpu, bytes for memory and storage); zero for null or blank
     * @throws IllegalArgumentException when it is not a Kubernetes quantity or is negative
     */
    public static BigDecimal parse(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return BigDecimal.ZERO;
        }
        Matcher matcher = QUANTITY.matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + quantity + "' is not a Kubernetes quantity");
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        if (matcher.group(2) != null) {
            value = value.scaleByPowerOfTen(Integer.parseInt(matcher.group(2).substring(1)));
        } else if (matcher.group(3) != null) {
            value = value.multiply(SUFFIXES.get(matcher.group(3)));
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("'" + quantity + "' is negative");
        }
        return value;
    }
}
