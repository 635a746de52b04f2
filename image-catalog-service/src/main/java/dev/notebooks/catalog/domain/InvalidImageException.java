package dev.notebooks.catalog.domain;

/** A request to change the catalog that breaks a rule of one of its fields: a 422 naming the field. */
public class InvalidImageException extends RuntimeException {

    private final String field;

    public InvalidImageException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the request field at fault, such as {@code reference} or {@code defaultImage} */
    public String field() {
        return field;
    }
}
