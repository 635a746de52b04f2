package dev.notebooks.profile.api;

import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import dev.notebooks.profile.domain.ProfilePlugin;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the profile request bodies. Whatever is wrong (a name that is not a DNS-1123 label, a quantity
 * Kubernetes would not parse, an unknown plugin kind, a field the request does not have) is answered 422 with every
 * field at fault, before anything is written.
 */
public final class ProfileRequests {

    /** A namespace name: a DNS-1123 label. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final int DNS_LABEL_MAX_LENGTH = 63;

    /** A resource name in a quota, such as {@code cpu} or {@code requests.nvidia.com/gpu}: a qualified name. */
    private static final Pattern RESOURCE_NAME = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private static final Set<String> CREATE_FIELDS = Set.of("name", "owner", "resourceQuota", "plugins");
    private static final Set<String> UPDATE_FIELDS = Set.of("owner", "resourceQuota", "plugins");
    /** Kubeflow's plugin also has {@code apiVersion}, which its profile controller ignores; so is it here. */
    private static final Set<String> PLUGIN_FIELDS = Set.of("apiVersion", "kind", "spec");

    private ProfileRequests() {}

    public static CreateProfileRequest create(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(CREATE_FIELDS);
        String name = json.requiredText("name")
                .filter(value -> isProfileName(value, "name", violations))
                .orElse(null);
        String owner = json.text("owner")
                .filter(value -> isUser(value, "owner", violations))
                .orElse(null);
        Map<String, String> quota = json.textMap("resourceQuota")
                .map(hard -> checkedQuota(hard, json.pathOf("resourceQuota"), violations))
                .orElse(Map.of());
        List<PluginBody> plugins =
                json.objects("plugins").map(ProfileRequests::plugins).orElse(List.of());
        violations.throwIfAny();
        return new CreateProfileRequest(name, owner, quota, plugins);
    }

    public static UpdateProfileRequest update(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(UPDATE_FIELDS);
        String owner = null;
        if (json.has("owner")) {
            owner = json.requiredText("owner")
                    .filter(value -> isUser(value, "owner", violations))
                    .orElse(null);
        }
        Map<String, String> quota = null;
        if (json.has("resourceQuota")) {
            quota = json.textMap("resourceQuota")
                    .map(hard -> checkedQuota(hard, json.pathOf("resourceQuota"), violations))
                    .orElse(Map.of());
        }
        List<PluginBody> plugins = null;
        if (json.has("plugins")) {
            plugins = json.objects("plugins").map(ProfileRequests::plugins).orElse(List.of());
        }
        violations.throwIfAny();
        return new UpdateProfileRequest(owner, quota, plugins);
    }

    /** Whether the name can be a profile's (and so a namespace's); records why not. */
    public static boolean isProfileName(String name, String field, Violations violations) {
        if (name.length() > DNS_LABEL_MAX_LENGTH || !DNS_LABEL.matcher(name).matches()) {
            violations.add(
                    field,
                    "must be a DNS-1123 label: at most 63 lower case letters, digits and '-', starting and ending"
                            + " with a letter or digit");
            return false;
        }
        return true;
    }

    /** Whether the value can be a user id (an email with Dex); records why not. */
    public static boolean isUser(String user, String field, Violations violations) {
        if (user.isBlank() || !user.strip().equals(user)) {
            violations.add(field, "must be a user id without surrounding spaces");
            return false;
        }
        return true;
    }

    /** The quota's hard limits with every resource name and quantity checked as Kubernetes would. */
    public static Map<String, String> checkedQuota(Map<String, String> hard, String path, Violations violations) {
        Map<String, String> checked = new LinkedHashMap<>();
        hard.forEach((resource, quantity) -> {
            String field = path + "." + resource;
            if (!RESOURCE_NAME.matcher(resource).matches()) {
                violations.add(field, "is not a resource name such as cpu, memory or requests.nvidia.com/gpu");
            } else if (!isQuantity(quantity)) {
                violations.add(field, "'" + quantity + "' is not a Kubernetes quantity such as 6, 500m or 16Gi");
            } else if (Quantity.fromString(quantity).getNumber().signum() < 0) {
                violations.add(field, "must not be negative");
            } else {
                checked.put(resource, quantity);
            }
        });
        return checked;
    }

    /** Kubeflow's plugins, each with a kind its profile controller knows and exactly that kind's fields. */
    public static List<PluginBody> plugins(List<JsonObjectReader> plugins) {
        List<PluginBody> checked = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (JsonObjectReader plugin : plugins) {
            plugin.allowOnly(PLUGIN_FIELDS);
            Violations violations = plugin.violations();
            String kind = plugin.requiredText("kind").orElse(null);
            JsonObjectReader spec = plugin.object("spec").orElse(null);
            if (kind == null) {
                continue;
            }
            if (!ProfilePlugin.KINDS.contains(kind)) {
                violations.add(
                        plugin.pathOf("kind"),
                        "must be one of "
                                + ProfilePlugin.KINDS.stream().sorted().toList());
            } else if (!kinds.add(kind)) {
                violations.add(plugin.pathOf("kind"), kind + " is given twice");
            } else if (spec == null) {
                violations.add(plugin.pathOf("spec"), "is required");
            } else {
                checked.add(new PluginBody(kind, pluginSpec(kind, spec)));
            }
        }
        return checked;
    }

    private static Map<String, Object> pluginSpec(String kind, JsonObjectReader spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (ProfilePlugin.WORKLOAD_IDENTITY.equals(kind)) {
            spec.allowOnly(Set.of("gcpServiceAccount"));
            spec.requiredText("gcpServiceAccount")
                    .filter(account -> isUser(account, spec.pathOf("gcpServiceAccount"), spec.violations()))
                    .ifPresent(account -> fields.put("gcpServiceAccount", account));
        } else {
            spec.allowOnly(Set.of("awsIamRole", "annotateOnly"));
            spec.requiredText("awsIamRole")
                    .filter(role -> isRoleArn(role, spec.pathOf("awsIamRole"), spec.violations()))
                    .ifPresent(role -> fields.put("awsIamRole", role));
            spec.bool("annotateOnly").ifPresent(annotateOnly -> fields.put("annotateOnly", annotateOnly));
        }
        return fields;
    }

    private static boolean isRoleArn(String role, String field, Violations violations) {
        if (!role.startsWith("arn:") || role.contains(" ")) {
            violations.add(field, "must be an IAM role ARN such as arn:aws:iam::123456789012:role/team-a");
            return false;
        }
        return true;
    }

    private static boolean isQuantity(String quantity) {
        try {
            Quantity.fromString(quantity);
            return true;
        } catch (QuantityFormatException | NumberFormatException e) {
            return false;
        }
    }
}
