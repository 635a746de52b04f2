package dev.notebooks.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;
import java.util.Optional;

/**
 * Who the trusted gateway says is calling, who the cluster admins are, and which paths need a caller. The header is safe
 * only where nothing but the gateway reaches the service (the chart's NetworkPolicy); Dex ID tokens, verified by the
 * service itself, are configured by {@link DexTokenConfiguration} ({@code platform.security.dex-tokens.*}). Both are
 * described in {@code docs/security.md}.
 */
@ConfigurationProperties(SecurityConfiguration.PREFIX)
public class SecurityConfiguration {

    public static final String PREFIX = "platform.security";

    /** The header Kubeflow's gateway (oauth2-proxy / Istio) sets to the authenticated user. */
    public static final String DEFAULT_USERID_HEADER = "kubeflow-userid";

    /** No prefix; a Google IAP gateway would use {@code accounts.google.com:}. */
    public static final String DEFAULT_USERID_PREFIX = "";

    /** Ant-style paths where a request without a caller is answered 401. */
    public static final List<String> DEFAULT_PROTECTED_PATHS = List.of("/api/**", "/kfam/**");

    private String useridHeader = DEFAULT_USERID_HEADER;
    private String useridPrefix = DEFAULT_USERID_PREFIX;
    private List<String> clusterAdmins = List.of();
    private List<String> protectedPaths = DEFAULT_PROTECTED_PATHS;

    private Integer managementPort;

    /** @return the header that carries the user id. Default value {@value #DEFAULT_USERID_HEADER}. */
    public String getUseridHeader() {
        return useridHeader;
    }

    public void setUseridHeader(String useridHeader) {
        this.useridHeader = useridHeader;
    }

    /** @return the prefix stripped from the header value. Default: none. */
    public String getUseridPrefix() {
        return useridPrefix;
    }

    public void setUseridPrefix(String useridPrefix) {
        this.useridPrefix = useridPrefix == null ? DEFAULT_USERID_PREFIX : useridPrefix;
    }

    /**
     * @return user ids with the ADMIN role on every profile, whether the header or a Dex token names them. Default:
     *     none.
     */
    public List<String> getClusterAdmins() {
        return clusterAdmins;
    }

    public void setClusterAdmins(List<String> clusterAdmins) {
        this.clusterAdmins = clusterAdmins == null
                ? List.of()
                : clusterAdmins.stream()
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .toList();
    }

    /** @return Ant-style path patterns that require a caller. Default {@code /api/**} and {@code /kfam/**}. */
    public List<String> getProtectedPaths() {
        return protectedPaths;
    }

    public void setProtectedPaths(List<String> protectedPaths) {
        this.protectedPaths = protectedPaths == null ? List.of() : List.copyOf(protectedPaths);
    }

    /**
     * @return the port (of those the server listens on, {@code micronaut.server.netty.listeners}) where health shows its
     *     details to anyone: the one the cluster's probes and Prometheus reach, never the gateway. Default: none, so
     *     only cluster admins see details.
     */
    public Optional<Integer> getManagementPort() {
        return Optional.ofNullable(managementPort);
    }

    public void setManagementPort(Integer managementPort) {
        this.managementPort = managementPort;
    }
}
