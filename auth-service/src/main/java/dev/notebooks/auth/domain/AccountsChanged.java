package dev.notebooks.auth.domain;

/** Published inside an account change's transaction; once it commits, the change is written to Dex's store. */
public record AccountsChanged(String email) {}
