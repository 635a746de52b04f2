package dev.notebooks.auth;

import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.events.account.DriftDirection;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Where Dex reads the accounts, how passwords are hashed and checked, and who may register. */
@ConfigurationProperties(AuthSettings.PREFIX)
public class AuthSettings {

    public static final String PREFIX = "auth";

    /** Dex's Kubernetes storage: one {@code dex.coreos.com/v1} Password object per account. */
    public static final AccountBackend DEFAULT_BACKEND = AccountBackend.KUBERNETES;

    /** Kubeflow's manifests install Dex in {@code auth}. */
    public static final String DEFAULT_DEX_NAMESPACE = "auth";

    public static final String DEFAULT_CONFIG_MAP_NAME = "dex";
    public static final String DEFAULT_CONFIG_MAP_KEY = "config.yaml";
    public static final String DEFAULT_DEX_DEPLOYMENT = "dex";

    public static final int DEFAULT_BCRYPT_COST = 12;
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 12;
    public static final boolean DEFAULT_SELF_REGISTRATION = false;
    public static final DriftDirection DEFAULT_DRIFT_DIRECTION = DriftDirection.SERVICE_WINS;
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofSeconds(30);

    private AccountBackend backend = DEFAULT_BACKEND;
    private String dexNamespace = DEFAULT_DEX_NAMESPACE;
    private String configMapName = DEFAULT_CONFIG_MAP_NAME;
    private String configMapKey = DEFAULT_CONFIG_MAP_KEY;
    private String dexDeployment = DEFAULT_DEX_DEPLOYMENT;
    private int bcryptCost = DEFAULT_BCRYPT_COST;
    private int minPasswordLength = DEFAULT_MIN_PASSWORD_LENGTH;
    private boolean selfRegistration = DEFAULT_SELF_REGISTRATION;
    private DriftDirection driftDirection = DEFAULT_DRIFT_DIRECTION;
    private Duration resyncInterval = DEFAULT_RESYNC_INTERVAL;

    /** @return where Dex reads the accounts. Default {@code kubernetes}. */
    public AccountBackend getBackend() {
        return backend;
    }

    public void setBackend(AccountBackend backend) {
        this.backend = backend;
    }

    /** @return Dex's namespace: of its Password objects, ConfigMap and Deployment. Default {@value #DEFAULT_DEX_NAMESPACE}. */
    public String getDexNamespace() {
        return dexNamespace;
    }

    public void setDexNamespace(String dexNamespace) {
        this.dexNamespace = dexNamespace;
    }

    /** @return Dex's ConfigMap (backend {@code configmap}, and import). Default {@value #DEFAULT_CONFIG_MAP_NAME}. */
    public String getConfigMapName() {
        return configMapName;
    }

    public void setConfigMapName(String configMapName) {
        this.configMapName = configMapName;
    }

    /** @return the ConfigMap key holding Dex's configuration. Default {@value #DEFAULT_CONFIG_MAP_KEY}. */
    public String getConfigMapKey() {
        return configMapKey;
    }

    public void setConfigMapKey(String configMapKey) {
        this.configMapKey = configMapKey;
    }

    /** @return Dex's Deployment, restarted after a ConfigMap change. Default {@value #DEFAULT_DEX_DEPLOYMENT}. */
    public String getDexDeployment() {
        return dexDeployment;
    }

    public void setDexDeployment(String dexDeployment) {
        this.dexDeployment = dexDeployment;
    }

    /** @return the bcrypt cost of new hashes, 10 to 16 as Dex accepts. Default {@value #DEFAULT_BCRYPT_COST}. */
    public int getBcryptCost() {
        return bcryptCost;
    }

    public void setBcryptCost(int bcryptCost) {
        this.bcryptCost = bcryptCost;
    }

    /** @return the shortest password accepted. Default {@value #DEFAULT_MIN_PASSWORD_LENGTH}. */
    public int getMinPasswordLength() {
        return minPasswordLength;
    }

    public void setMinPasswordLength(int minPasswordLength) {
        this.minPasswordLength = minPasswordLength;
    }

    /** @return whether anyone may register an account for themselves. Default {@value #DEFAULT_SELF_REGISTRATION}. */
    public boolean isSelfRegistration() {
        return selfRegistration;
    }

    public void setSelfRegistration(boolean selfRegistration) {
        this.selfRegistration = selfRegistration;
    }

    /** @return which side wins when Dex's store drifts. Default {@code service-wins}. */
    public DriftDirection getDriftDirection() {
        return driftDirection;
    }

    public void setDriftDirection(DriftDirection driftDirection) {
        this.driftDirection = driftDirection;
    }

    /**
     * @return how often Dex's store is compared with the accounts without a change seen here: the net for an account
     *     change committed on another replica (an edit of Dex's store is seen by its informer at once). Default 30
     *     seconds.
     */
    public Duration getResyncInterval() {
        return resyncInterval;
    }

    public void setResyncInterval(Duration resyncInterval) {
        this.resyncInterval = resyncInterval;
    }
}
