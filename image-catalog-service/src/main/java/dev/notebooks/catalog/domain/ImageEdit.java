package dev.notebooks.catalog.domain;

import java.util.List;

/**
 * A partial change of an image (PATCH): a null field is left as it is.
 *
 * @param description an empty string clears it
 * @param defaultImage true makes it its server type's default; false is refused on the default (set another one)
 * @param deprecated true deprecates it (refused on the default), false offers it again
 */
public record ImageEdit(
        String displayName, String description, List<String> tags, Boolean defaultImage, Boolean deprecated) {

    public ImageEdit {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
