package dev.notebooks.catalog.domain;

import java.util.List;
import java.util.regex.Pattern;

/** The rules of an image's free-form fields. */
public final class ImageRules {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_TAGS = 20;

    private static final Pattern TAG = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

    private ImageRules() {}

    public static String displayName(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidImageException("displayName", "a display name is required");
        }
        String name = value.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new InvalidImageException("displayName", "at most " + MAX_DISPLAY_NAME + " characters");
        }
        return name;
    }

    /** @return the description, or null for none (blank) */
    public static String description(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_DESCRIPTION) {
            throw new InvalidImageException("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        return value.strip();
    }

    /** @return the tags without duplicates, in the order given */
    public static List<String> tags(List<String> values) {
        List<String> tags = values.stream().distinct().toList();
        if (tags.size() > MAX_TAGS) {
            throw new InvalidImageException("tags", "at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidImageException(
                        "tags", "tag '" + tag + "' must be lower-case letters, digits, '.' or '-' (at most 63)");
            }
        }
        return tags;
    }
}
