package dev.notebooks.platform.security;

/** A bearer token that does not name a caller; the message says why in general terms and never holds the token. */
final class TokenRejectedException extends Exception {

    TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
