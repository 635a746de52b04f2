package dev.notebooks.auth.domain;

/** There is no account with this email: a 404. */
public class AccountNotFoundException extends RuntimeException {

    private final String email;

    public AccountNotFoundException(String email) {
        super("no account " + email);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
