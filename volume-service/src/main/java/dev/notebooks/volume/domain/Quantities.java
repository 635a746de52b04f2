package dev.notebooks.volume.domain;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Storage sizes as Kubernetes quantities ({@code 10Gi}, {@code 500M}, {@code 1.5Ti}), compared by value. */
public final class Quantities {

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

    /** @return the number of bytes, or empty for anything Kubernetes would refuse ({@code 1GB}, {@code ten}) */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank() || !text.strip().equals(text)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Quantity.fromString(text).getNumber());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static BigDecimal bytes(Quantity quantity) {
        return quantity == null || quantity.getNumber() == null ? BigDecimal.ZERO : quantity.getNumber();
    }

    /** @return the quantity as Kubernetes writes it ({@code 10Gi}); null for null */
    public static String text(Quantity quantity) {
        return quantity == null ? null : quantity.toSuffixedString();
    }

    /** For messages: a byte count in the largest binary unit that fits, such as {@code 1.5Gi}. */
    public static String human(BigDecimal bytes) {
        for (int i = BINARY.length - 1; i > 0; i--) {
            if (bytes.abs().compareTo(BINARY[i]) >= 0) {
                return bytes.divide(BINARY[i], 2, RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()
                        + BINARY_SUFFIXES[i];
            }
        }
        return bytes.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
