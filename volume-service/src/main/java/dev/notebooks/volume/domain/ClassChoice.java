package dev.notebooks.volume.domain;

import java.util.Optional;

/**
 * The {@code class} of VWA's create body: a storage class by name, or one of VWA's two placeholders, read exactly as
 * VWA's backend reads them ({@code apps/default/routes/post.py}):
 *
 * <ul>
 *   <li>{@value #NONE}: {@code storageClassName: ""}, no class at all (the claim binds to a pre-provisioned volume);
 *   <li>{@value #EMPTY}: no {@code storageClassName}, so the cluster's default class applies.
 * </ul>
 *
 * @param name the class named, "" for {@link #NONE}, null for {@link #EMPTY}
 */
public record ClassChoice(String name) {

    public static final String NONE = "{none}";
    public static final String EMPTY = "{empty}";

    public static ClassChoice parse(String text) {
        return switch (text) {
            case NONE -> new ClassChoice("");
            case EMPTY -> new ClassChoice(null);
            default -> new ClassChoice(text);
        };
    }

    public static ClassChoice named(String name) {
        return new ClassChoice(name);
    }

    public static ClassChoice clusterDefault() {
        return new ClassChoice(null);
    }

    public boolean isDefault() {
        return name == null;
    }

    public boolean isNone() {
        return "".equals(name);
    }

    /** @return the class named in the request, if it names one */
    public Optional<String> named() {
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
