package dev.notebooks.notebook.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** The name rules a notebook's objects must pass in Kubernetes, checked before anything is written. */
public final class Names {

    /**
     * 52: the StatefulSet controller labels each pod {@code controller-revision-hash: <name>-<10 chars>}, which must fit
     * a 63-character label value; a longer notebook name gives a StatefulSet that never makes a pod.
     */
    public static final int MAX_NOTEBOOK_NAME = 52;

    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private Names() {}

    /**
     * A notebook name is also its Service's name, so a DNS-1035 label (starting with a letter), and short enough for
     * its pods' revision label.
     *
     * @return what is wrong with it, or empty
     */
    public static Optional<String> notebookNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is required");
        }
        if (name.length() > MAX_NOTEBOOK_NAME) {
            return Optional.of("must be at most " + MAX_NOTEBOOK_NAME + " characters");
        }
        if (!DNS_1035_LABEL.matcher(name).matches()) {
            return Optional.of("must consist of lower case letters, digits or '-', start with a letter and end with a"
                    + " letter or digit (DNS-1035 label), such as 'my-notebook'");
        }
        return Optional.empty();
    }

    public static boolean isDns1123Label(String name) {
        return name != null
                && name.length() <= 63
                && DNS_1123_LABEL.matcher(name).matches();
    }

    public static boolean isDns1123Subdomain(String name) {
        return name != null
                && name.length() <= 253
                && DNS_1123_SUBDOMAIN.matcher(name).matches();
    }

    /** A label key: an optional DNS subdomain prefix and a slash, then a name of at most 63 characters. */
    public static boolean isLabelKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !isDns1123Subdomain(key.substring(0, slash))) {
            return false;
        }
        return name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }

    public static boolean isLabelValue(String value) {
        return value != null
                && value.length() <= 63
                && LABEL_VALUE.matcher(value).matches();
    }
}
