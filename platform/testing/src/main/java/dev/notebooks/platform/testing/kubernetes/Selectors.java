package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code labelSelector} and {@code fieldSelector} as the API server reads them: equality ({@code =}, {@code ==},
 * {@code !=}), sets ({@code in}, {@code notin}) and existence ({@code key}, {@code !key}) for labels; {@code =},
 * {@code ==} and {@code !=} on any field path ({@code metadata.name}, {@code spec.nodeName},
 * {@code involvedObject.uid}, ...) for fields.
 */
final class Selectors {

    private static final Pattern SET = Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");
    private static final Pattern EQUALITY = Pattern.compile("^\\s*([^\\s!=]+)\\s*(==|=|!=)\\s*([^\\s]*)\\s*$");
    private static final Pattern EXISTS = Pattern.compile("^\\s*(!?)\\s*([^\\s!=()]+)\\s*$");

    private Selectors() {}

    /** Thrown for a selector the server cannot parse; the request is a 400. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static Predicate<JsonNode> labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return object -> true;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String term : terms(selector)) {
            requirements.add(labelRequirement(term));
        }
        return object -> requirements.stream().allMatch(requirement -> requirement.test(object));
    }

    static Predicate<JsonNode> fields(String selector) {
        if (selector == null || selector.isBlank()) {
            return object -> true;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String term : terms(selector)) {
            Matcher equality = EQUALITY.matcher(term);
            if (!equality.matches()) {
                throw new Invalid("invalid field selector: " + term);
            }
            String[] path = equality.group(1).split("\\.");
            String value = equality.group(3);
            boolean negated = equality.group(2).equals("!=");
            requirements.add(object -> negated != value.equals(Json.text(object, path)));
        }
        return object -> requirements.stream().allMatch(requirement -> requirement.test(object));
    }

    private static Predicate<JsonNode> labelRequirement(String term) {
        Matcher set = SET.matcher(term);
        if (set.matches()) {
            String key = set.group(1);
            Set<String> values = Set.of(
                    set.group(3).trim().isEmpty() ? new String[0] : set.group(3).split("\\s*,\\s*"));
            boolean in = set.group(2).equals("in");
            return object -> {
                JsonNode label = object.path("metadata").path("labels").get(key);
                boolean member = label != null && values.contains(label.asText());
                return in ? member : !member;
            };
        }
        Matcher equality = EQUALITY.matcher(term);
        if (equality.matches()) {
            String key = equality.group(1);
            String value = equality.group(3);
            boolean negated = equality.group(2).equals("!=");
            return object -> {
                JsonNode label = object.path("metadata").path("labels").get(key);
                boolean equal = label != null && label.asText().equals(value);
                return negated != equal;
            };
        }
        Matcher exists = EXISTS.matcher(term);
        if (exists.matches()) {
            String key = exists.group(2);
            boolean negated = !exists.group(1).isEmpty();
            return object -> negated != object.path("metadata").path("labels").has(key);
        }
        throw new Invalid("unable to parse requirement: " + term);
    }

    /** Splits on the commas that are not inside a set's parentheses. */
    private static List<String> terms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms.stream().filter(term -> !term.isBlank()).toList();
    }
}
