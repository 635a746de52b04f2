package dev.notebooks.volume.api;

import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import dev.notebooks.volume.domain.AccessMode;
import dev.notebooks.volume.domain.ClassChoice;
import dev.notebooks.volume.domain.NewVolume;
import dev.notebooks.volume.domain.Quantities;
import dev.notebooks.volume.domain.VolumeNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the request bodies. Whatever is wrong (a name that is not a DNS-1123 subdomain, a size Kubernetes
 * would not parse, an unknown access mode or field) is answered 422 with every field at fault, before anything is
 * read from or written to the cluster.
 */
final class VolumeRequests {

    /** VWA's frontend sends exactly these; {@code snapshot} is ours, for {@code type: snapshot}. */
    static final Set<String> CREATE_FIELDS = Set.of("name", "mode", "class", "size", "type", "snapshot");

    static final Set<String> RESIZE_FIELDS = Set.of("size");
    static final Set<String> SNAPSHOT_FIELDS = Set.of("name");

    private VolumeRequests() {}

    static NewVolume create(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(CREATE_FIELDS);
        String name = json.requiredText("name")
                .filter(n -> isName(n, "name", violations))
                .orElse(null);
        AccessMode mode = json.requiredText("mode")
                .flatMap(text -> {
                    Optional<AccessMode> parsed = AccessMode.parse(text);
                    if (parsed.isEmpty()) {
                        violations.add("mode", "must be one of " + AccessMode.allNames());
                    }
                    return parsed;
                })
                .orElse(null);
        ClassChoice storageClass = json.requiredText("class")
                .filter(text -> {
                    if (text.equals(ClassChoice.NONE) || text.equals(ClassChoice.EMPTY)) {
                        return true;
                    }
                    return isName(text, "class", violations);
                })
                .map(ClassChoice::parse)
                .orElse(null);
        String type = json.requiredText("type")
                .filter(text -> {
                    if (!text.equals(NewVolume.EMPTY) && !text.equals(NewVolume.SNAPSHOT)) {
                        violations.add("type", "must be empty (a new volume) or snapshot (restored from 'snapshot')");
                        return false;
                    }
                    return true;
                })
                .orElse(null);
        String snapshot = null;
        boolean restore = NewVolume.SNAPSHOT.equals(type);
        if (restore) {
            snapshot = json.requiredText("snapshot")
                    .filter(text -> isName(text, "snapshot", violations))
                    .orElse(null);
        } else if (json.has("snapshot") && type != null) {
            violations.add("snapshot", "is only for type snapshot");
        }
        // a restore may leave the size to the snapshot
        String size = (restore ? json.text("size") : json.requiredText("size"))
                .filter(text -> isSize(text, "size", violations))
                .orElse(null);
        violations.throwIfAny();
        return new NewVolume(name, size, mode, storageClass, snapshot);
    }

    static String resize(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(RESIZE_FIELDS);
        String size = json.requiredText("size")
                .filter(text -> isSize(text, "size", violations))
                .orElse(null);
        violations.throwIfAny();
        return size;
    }

    /** A snapshot's name, or null for one made up from the volume's name and the time. */
    static @Nullable String snapshotName(@Nullable JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(SNAPSHOT_FIELDS);
        String name =
                json.text("name").filter(n -> isName(n, "name", violations)).orElse(null);
        violations.throwIfAny();
        return name;
    }

    static boolean isName(String name, String field, Violations violations) {
        Optional<String> problem = VolumeNames.problem(name);
        problem.ifPresent(message -> violations.add(field, message));
        return problem.isEmpty();
    }

    static boolean isSize(String size, String field, Violations violations) {
        Optional<BigDecimal> bytes = Quantities.parse(size);
        if (bytes.isEmpty()) {
            violations.add(field, "'" + size + "' is not a Kubernetes quantity such as 10Gi or 500Mi");
            return false;
        }
        if (bytes.get().signum() <= 0) {
            violations.add(field, "must be more than 0");
            return false;
        }
        return true;
    }
}
