package dev.notebooks.profile.domain.usage;

import java.util.Locale;

/** What a ledger row meters: a notebook's running server or a volume's storage. */
public enum ResourceKind {
    NOTEBOOK,
    VOLUME;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
