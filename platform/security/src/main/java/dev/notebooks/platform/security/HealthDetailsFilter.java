package dev.notebooks.platform.security;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.InetSocketAddress;
import java.security.Principal;

/**
 * Who sees the health endpoint's details (JDBC URL, Kafka's cluster id, disk figures): a cluster admin, or any caller on
 * the management port ({@link SecurityConfiguration#getManagementPort()}). Everyone else gets the status only. With
 * {@code endpoints.health.details-visible: AUTHENTICATED}, the health endpoint shows details to a request that carries a
 * principal; this filter gives one to those callers only.
 */
@ServerFilter("/health/**")
class HealthDetailsFilter {

    private final SecurityConfiguration configuration;
    private final CallerResolver resolver;

    HealthDetailsFilter(SecurityConfiguration configuration, CallerResolver resolver) {
        this.configuration = configuration;
        this.resolver = resolver;
    }

    @RequestFilter
    void showDetailsToAdmins(HttpRequest<?> request) {
        if (onManagementPort(request)) {
            request.setAttribute(HttpAttributes.PRINCIPAL, (Principal) () -> "management-port");
            return;
        }
        try {
            resolver.resolve(request)
                    .filter(Caller::admin)
                    .ifPresent(admin -> request.setAttribute(HttpAttributes.PRINCIPAL, (Principal) admin::user));
        } catch (UnauthenticatedException refused) {
            // a refused token shows the status only, as no token does; probes never fail on it
        }
    }

    private boolean onManagementPort(HttpRequest<?> request) {
        InetSocketAddress local = request.getServerAddress();
        return local != null
                && configuration
                        .getManagementPort()
                        .map(port -> port == local.getPort())
                        .orElse(false);
    }
}
