package dev.notebooks.platform.security;

import dev.notebooks.platform.testing.TestProperties;
import java.util.Map;

/** The context every test here runs in: the shared Kubernetes API and PostgreSQL, a gateway prefix, one admin. */
final class SecurityTestProperties {

    static final String USERID_PREFIX = "accounts.google.com:";
    static final String ADMIN = "admin@example.com";

    private SecurityTestProperties() {}

    static Map<String, String> properties() {
        return TestProperties.postgres("security")
                .kubernetes()
                .with("platform.security.userid-prefix", USERID_PREFIX)
                .with("platform.security.cluster-admins", ADMIN)
                .build();
    }
}
