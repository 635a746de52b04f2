package dev.notebooks.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Reads the caller from the trusted header; the gateway in front of the service has authenticated them. */
@Singleton
class CallerResolver {

    private final SecurityConfiguration configuration;
    private final HttpClientAddressResolver addressResolver;

    CallerResolver(SecurityConfiguration configuration, HttpClientAddressResolver addressResolver) {
        this.configuration = configuration;
        this.addressResolver = addressResolver;
    }

    Optional<Caller> resolve(HttpRequest<?> request) {
        return request.getHeaders()
                .findFirst(configuration.getUseridHeader())
                .map(this::stripPrefix)
                .map(String::trim)
                .filter(user -> !user.isEmpty())
                .map(user -> new Caller(
                        user, configuration.getClusterAdmins().contains(user), addressResolver.resolve(request)));
    }

    private String stripPrefix(String value) {
        String prefix = configuration.getUseridPrefix();
        return !prefix.isEmpty() && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
