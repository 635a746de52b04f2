package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hashes controllers name revisions by ({@code controller-revision-hash}, {@code pod-template-hash}). */
final class Revisions {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private Revisions() {}

    /** As kube-controller-manager's ComputeHash: FNV-1a of the template, its decimal digits safely encoded. */
    static String hash(JsonNode template) {
        int hash = 0x811c9dc5;
        for (byte b : canonical(template).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        String digits = Long.toString(Integer.toUnsignedLong(hash));
        StringBuilder encoded = new StringBuilder();
        for (char c : digits.toCharArray()) {
            encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
        }
        return encoded.toString();
    }

    /** JSON with object members sorted, so the same template always hashes the same. */
    static String canonical(JsonNode node) {
        return Json.write(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = Json.array();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
