package dev.notebooks.platform.events;

import java.util.List;
import java.util.Objects;

/**
 * The Kafka topics: one per producing service, named after its resource, with a configurable prefix ({@code "nbp."}
 * gives {@code nbp.profiles}).
 */
public final class Topics {

    public static final String PROFILES = "profiles";
    public static final String NOTEBOOKS = "notebooks";
    public static final String VOLUMES = "volumes";
    public static final String CATALOG = "catalog";
    public static final String ACCOUNTS = "accounts";
    public static final String USAGE = "usage";

    private final String prefix;

    public Topics(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public String profiles() {
        return prefix + PROFILES;
    }

    public String notebooks() {
        return prefix + NOTEBOOKS;
    }

    public String volumes() {
        return prefix + VOLUMES;
    }

    public String catalog() {
        return prefix + CATALOG;
    }

    public String accounts() {
        return prefix + ACCOUNTS;
    }

    public String usage() {
        return prefix + USAGE;
    }

    public List<String> all() {
        return List.of(profiles(), notebooks(), volumes(), catalog(), accounts(), usage());
    }

    /** The topic of an event type, by the resource its name starts with: {@code notebook.started.v1} to notebooks. */
    public String forType(String eventType) {
        String resource = eventType.substring(0, Math.max(eventType.indexOf('.'), 0));
        return switch (resource) {
            case "profile" -> profiles();
            case "notebook" -> notebooks();
            case "volume" -> volumes();
            case "catalog" -> catalog();
            case "account" -> accounts();
            case "usage" -> usage();
            default -> throw new IllegalArgumentException("no topic for event type '" + eventType + "'");
        };
    }
}
