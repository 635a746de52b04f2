package dev.notebooks.catalog.check;

/** The registry could not be reached, refused the image, or answered with something a check cannot read. */
final class RegistryException extends RuntimeException {

    RegistryException(String message) {
        super(message);
    }

    RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
