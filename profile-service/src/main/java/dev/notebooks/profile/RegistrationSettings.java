package dev.notebooks.profile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.Map;

/** Whether a new account gets a profile of its own, and with what quota ({@code profiles.registration.*}). */
@ConfigurationProperties(RegistrationSettings.PREFIX)
public class RegistrationSettings {

    public static final String PREFIX = ProfileSettings.PREFIX + ".registration";

    public static final boolean DEFAULT_AUTO_CREATE = true;

    private boolean autoCreate = DEFAULT_AUTO_CREATE;
    private Map<String, String> defaultQuota = Map.of();

    /**
     * @return whether {@code account.created.v1} creates a profile owned by the new user, as Kubeflow's dashboard
     *     registration does. Default {@value #DEFAULT_AUTO_CREATE}.
     */
    public boolean isAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    /**
     * @return the hard limits of an auto-created profile's ResourceQuota, such as {@code cpu: "4"},
     *     {@code memory: 16Gi}, {@code requests.nvidia.com/gpu: "1"}. Default: none (no ResourceQuota).
     */
    public Map<String, String> getDefaultQuota() {
        return defaultQuota;
    }

    public void setDefaultQuota(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                    Map<String, String> defaultQuota) {
        this.defaultQuota = defaultQuota == null ? Map.of() : Map.copyOf(defaultQuota);
    }
}
