package dev.notebooks.notebook.domain;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes quantities as users write them: any unit ({@code 500m}, {@code 1.5Gi}, {@code 2G}, {@code 1e3}). */
public final class Quantities {

    private static final Pattern NUMBER_AND_SUFFIX = Pattern.compile("^([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)([a-zA-Z]*)$");
    private static final BigDecimal[] BINARY = {
        BigDecimal.ONE,
        BigDecimal.valueOf(1L << 10),
        BigDecimal.valueOf(1L << 20),
        BigDecimal.valueOf(1L << 30),
        BigDecimal.valueOf(1L << 40),
        BigDecimal.valueOf(1L << 50)
    };
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};

    private Quantities() {}

    /** @return the value, or empty for anything Kubernetes would refuse ({@code nan}, {@code 1GB}, {@code -}) */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Quantity.fromString(text.trim()).getNumber());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<BigDecimal> parse(Quantity quantity) {
        return quantity == null ? Optional.empty() : Optional.ofNullable(quantity.getNumber());
    }

    /**
     * The request times a factor, in the request's own unit and rounded to one decimal as JWA does ({@code 0.5} x 1.2
     * = {@code 0.6}, {@code 1.0Gi} = {@code 1.2Gi}), but never below the request and for any unit ({@code 500m} =
     * {@code 600m}).
     */
    public static String scaled(String request, BigDecimal factor) {
        Matcher matcher = NUMBER_AND_SUFFIX.matcher(request.trim());
        BigDecimal number;
        String suffix;
        if (matcher.matches()) {
            number = new BigDecimal(matcher.group(1));
            suffix = matcher.group(2);
        } else {
            number = parse(request).orElseThrow(() -> new IllegalArgumentException("not a quantity: " + request));
            suffix = "";
        }
        BigDecimal limit = number.multiply(factor).setScale(1, RoundingMode.HALF_UP);
        if (limit.compareTo(number) < 0) {
            limit = number;
        }
        return limit.stripTrailingZeros().toPlainString() + suffix;
    }

    /** For messages: cpu-like values as plain numbers ({@code 2.5}), byte counts in the largest binary unit that fits. */
    public static String human(BigDecimal value, boolean bytes) {
        if (!bytes) {
            return value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        for (int i = BINARY.length - 1; i > 0; i--) {
            if (value.abs().compareTo(BINARY[i]) >= 0) {
                return value.divide(BINARY[i], 2, RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()
                        + BINARY_SUFFIXES[i];
            }
        }
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
