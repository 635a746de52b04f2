package dev.notebooks.notebook;

import dev.notebooks.notebook.domain.culling.ActivitySource;
import dev.notebooks.notebook.domain.culling.Culling;
import dev.notebooks.notebook.domain.spawner.SpawnerServerType;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notebooks.culling.*}: idle culling, Kubeflow's {@code ENABLE_CULLING}, {@code CULL_IDLE_TIME} and {@code
 * IDLENESS_CHECK_PERIOD} with the same defaults, plus how the service reaches a notebook server, how often the
 * last-activity annotation is worth a write, and activity probes for servers without a built-in source.
 */
@ConfigurationProperties(CullingSettings.PREFIX)
public class CullingSettings {

    public static final String PREFIX = "notebooks.culling";

    /** Off, as Kubeflow ({@code ENABLE_CULLING=false}). */
    public static final boolean DEFAULT_ENABLED = false;

    /** Kubeflow's {@code CULL_IDLE_TIME=1440} minutes. */
    public static final Duration DEFAULT_IDLE_TIME = Duration.ofMinutes(1440);

    /** Kubeflow's {@code IDLENESS_CHECK_PERIOD=1} minute. */
    public static final Duration DEFAULT_CHECK_PERIOD = Duration.ofMinutes(1);

    /** How far the activity must move before {@code notebooks.kubeflow.org/last-activity} is written again. */
    public static final Duration DEFAULT_LAST_ACTIVITY_STEP = Culling.DEFAULT_STEP;

    /** Kubeflow's culler gives a server 10 s to answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public static final Access DEFAULT_ACCESS = Access.CLUSTER_DNS;

    /** How the service reaches a notebook server's HTTP API. */
    public enum Access {
        /** {@code http://<name>.<ns>.svc.<cluster domain>/...}: the service runs in the cluster. */
        CLUSTER_DNS,
        /**
         * {@code <api server>/api/v1/namespaces/<ns>/services/<name>:http-<name>/proxy/...}: the service runs outside
         * (the local stack, a laptop); Kubeflow's culler does the same with {@code DEV=true} through kubectl proxy.
         */
        API_SERVER_PROXY
    }

    private boolean enabled = DEFAULT_ENABLED;
    private Duration idleTime = DEFAULT_IDLE_TIME;
    private Duration checkPeriod = DEFAULT_CHECK_PERIOD;
    private Duration lastActivityStep = DEFAULT_LAST_ACTIVITY_STEP;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Access access = DEFAULT_ACCESS;
    private final List<ProbeSettings> probes;

    public CullingSettings(List<ProbeSettings> probes) {
        this.probes = List.copyOf(probes);
    }

    /** @return whether idle notebooks are stopped. Default {@value #DEFAULT_ENABLED}. */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @return how long a server may be idle before it is stopped; a notebook's own {@code notebooks.dev/cull-idle-time}
     *     annotation overrides it. Default 1440 minutes.
     */
    public Duration getIdleTime() {
        return idleTime;
    }

    public void setIdleTime(Duration idleTime) {
        this.idleTime = idleTime;
    }

    /** @return how often each running notebook's activity is read. Default 1 minute. */
    public Duration getCheckPeriod() {
        return checkPeriod;
    }

    public void setCheckPeriod(Duration checkPeriod) {
        this.checkPeriod = checkPeriod;
    }

    /**
     * @return how far the observed activity must have moved past the {@code notebooks.kubeflow.org/last-activity}
     *     annotation before it is written again; the service keeps the exact time itself. Default 5 minutes.
     */
    public Duration getLastActivityStep() {
        return lastActivityStep;
    }

    public void setLastActivityStep(Duration lastActivityStep) {
        this.lastActivityStep = lastActivityStep;
    }

    /** @return how long a server has to answer an activity request. Default 10 seconds. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * @return how the service reaches notebook servers: {@code CLUSTER_DNS} in a cluster, {@code API_SERVER_PROXY}
     *     from outside it (the local stack sets this). Default {@code CLUSTER_DNS}.
     */
    public Access getAccess() {
        return access;
    }

    public void setAccess(Access access) {
        this.access = access;
    }

    /** @return the configured probes, {@code notebooks.culling.probes.<server type>.*} */
    public List<ProbeSettings> getProbes() {
        return probes;
    }

    /** The configured probes by server type, for {@code ActivitySources.of}. */
    public Map<SpawnerServerType, ActivitySource.HttpProbe> probesByServerType() {
        Map<SpawnerServerType, ActivitySource.HttpProbe> byType = new EnumMap<>(SpawnerServerType.class);
        for (ProbeSettings probe : probes) {
            SpawnerServerType.fromAnnotation(probe.getServerType())
                    .ifPresent(type ->
                            byType.put(type, new ActivitySource.HttpProbe(probe.getPath(), probe.getPointer())));
        }
        return byType;
    }

    /**
     * {@code notebooks.culling.probes.<server type>}: an HTTP probe for a server type without a built-in activity source
     * (RStudio, {@code group-two}) or to replace the built-in one. The answer must be JSON with an RFC 3339 time (or
     * epoch seconds or milliseconds) at the pointer.
     */
    @EachProperty(PREFIX + ".probes")
    public static class ProbeSettings {

        private final String serverType;
        private String path;
        private String pointer;

        public ProbeSettings(@Parameter String serverType) {
            this.serverType = serverType;
        }

        /** @return the server type this probe is for: {@code jupyter}, {@code group-one}, {@code group-two} (or {@code vscode}, {@code rstudio}) */
        public String getServerType() {
            return serverType;
        }

        /** @return the path to GET on the server's Service; {@code {prefix}} stands for {@code /notebook/<ns>/<name>} */
        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        /** @return the JSON pointer (RFC 6901) to the last activity time in the answer, such as {@code /lastActivity} */
        public String getPointer() {
            return pointer;
        }

        public void setPointer(String pointer) {
            this.pointer = pointer;
        }
    }
}
