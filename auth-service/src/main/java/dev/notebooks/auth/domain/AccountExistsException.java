package dev.notebooks.auth.domain;

/** An account with this email exists already: a 409. */
public class AccountExistsException extends RuntimeException {

    private final String email;

    public AccountExistsException(String email) {
        super("account " + email + " exists");
        this.email = email;
    }

    public String email() {
        return email;
    }
}
