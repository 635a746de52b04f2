package dev.notebooks.catalog.domain;

/** A malformed image reference; the message says what is wrong with it. */
public class InvalidReferenceException extends InvalidImageException {

    public static final String FIELD = "image";

    public InvalidReferenceException(String message) {
        super(FIELD, message);
    }
}
