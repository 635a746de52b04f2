package dev.notebooks.catalog.domain;

/** The change collides with the catalog's state: a 409 naming the field and the reason. */
public class ImageConflictException extends RuntimeException {

    /** Why the change is refused. */
    public enum Reason {
        /** another catalog entry has the same (normalised) reference */
        DUPLICATE,
        /** running notebooks use the image; removing it needs {@code force} */
        IN_USE,
        /** the image is its server type's default; make another image the default first */
        DEFAULT_IMAGE
    }

    private final Reason reason;
    private final String field;

    public ImageConflictException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** @return the request field the conflict is about, such as {@code reference} */
    public String field() {
        return field;
    }
}
