package dev.notebooks.profile.api;

import dev.notebooks.profile.ProfileServiceFixtures;
import java.util.Map;

/** The profile-service test context with one cluster admin, whom the API tests call {@link #ADMIN}. */
final class ApiTestProperties {

    static final String ADMIN = "admin@example.com";

    private ApiTestProperties() {}

    static Map<String, String> properties() {
        Map<String, String> properties = ProfileServiceFixtures.properties();
        properties.put("platform.security.cluster-admins", ADMIN);
        return properties;
    }

    /** A user id no other test uses, so that one-profile-per-owner never stands between tests. */
    static String user(String name) {
        return ProfileServiceFixtures.uniqueName(name) + "@example.com";
    }
}
