package dev.notebooks.auth.api;

/** {@code POST /api/accounts}: the account to make. Its {@link #toString()} leaves the password out. */
public record CreateAccountRequest(String email, String username, String password) {

    @Override
    public String toString() {
        return "CreateAccountRequest[email=" + email + ", username=" + username + "]";
    }
}
