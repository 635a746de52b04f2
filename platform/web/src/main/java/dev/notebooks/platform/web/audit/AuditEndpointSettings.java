package dev.notebooks.platform.web.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Optional;

/** The audit endpoint's one per-service setting: a query parameter naming the service's own resource. */
@ConfigurationProperties(AuditEndpointSettings.PREFIX)
public class AuditEndpointSettings {

    public static final String PREFIX = "platform.web.audit";

    private String resourceParameter;
    private String resourceKind;

    /**
     * @return a query parameter that filters by name on {@link #getResourceKind()}, such as {@code profile} for
     *     {@code Profile}. Default: none.
     */
    public Optional<String> getResourceParameter() {
        return Optional.ofNullable(resourceParameter).filter(parameter -> resourceKind != null);
    }

    public void setResourceParameter(String resourceParameter) {
        this.resourceParameter = resourceParameter;
    }

    /** @return the {@code resourceKind} of the audit records {@link #getResourceParameter()} names. Default: none. */
    public String getResourceKind() {
        return resourceKind;
    }

    public void setResourceKind(String resourceKind) {
        this.resourceKind = resourceKind;
    }
}
