package dev.notebooks.auth.domain;

/**
 * The current password given did not match (or there is no such account, which is not told apart: the check takes
 * the same time either way). Already audited as a failed attempt when thrown.
 */
public class WrongPasswordException extends RuntimeException {

    private final String email;

    public WrongPasswordException(String email) {
        super("the current password of " + email + " does not match");
        this.email = email;
    }

    public String email() {
        return email;
    }
}
