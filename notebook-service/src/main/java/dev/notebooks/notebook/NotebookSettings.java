package dev.notebooks.notebook;

import dev.notebooks.notebook.domain.children.ChildSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How the reconciler shapes a Notebook's children: what Kubeflow's notebook controller reads from its environment
 * ({@code ADD_FSGROUP}, {@code USE_ISTIO}, {@code ISTIO_GATEWAY}, {@code ISTIO_HOST}, {@code CLUSTER_DOMAIN}).
 */
@ConfigurationProperties(NotebookSettings.PREFIX)
public class NotebookSettings {

    public static final String PREFIX = "notebooks";

    /** Kubeflow's {@code ADD_FSGROUP} default: unset means true. */
    public static final boolean DEFAULT_ADD_FSGROUP = true;

    /** The field manager of every write the service makes, and the component of the Events it records. */
    public static final String FIELD_MANAGER = "notebook-service";

    private boolean addFsGroup = DEFAULT_ADD_FSGROUP;
    private final IstioSettings istio;

    public NotebookSettings(IstioSettings istio) {
        this.istio = istio;
    }

    /**
     * @return {@code ADD_FSGROUP}: give a pod spec without any {@code securityContext} {@code fsGroup: 100}, so the
     *     workspace volume is writable by the notebook user (uid 1000, group 100). Default {@value
     *     #DEFAULT_ADD_FSGROUP}.
     */
    public boolean isAddFsGroup() {
        return addFsGroup;
    }

    public void setAddFsGroup(boolean addFsGroup) {
        this.addFsGroup = addFsGroup;
    }

    public IstioSettings getIstio() {
        return istio;
    }

    /** The domain's view of these settings. */
    public ChildSettings childSettings() {
        return new ChildSettings(
                addFsGroup,
                new ChildSettings.IstioSettings(
                        istio.isEnabled(), istio.getGateway(), istio.getHost(), istio.getClusterDomain()));
    }

    /** {@code notebooks.istio.*}: the VirtualService per notebook that routes {@code /notebook/<ns>/<name>/}. */
    @ConfigurationProperties(IstioSettings.PREFIX)
    public static class IstioSettings {

        public static final String PREFIX = "istio";

        /**
         * Off by default, as profile-service's Istio policies: a cluster without Istio has no VirtualService kind to
         * write. Kubeflow's manifests set {@code USE_ISTIO=true}; set this on where Istio routes the notebooks.
         */
        public static final boolean DEFAULT_ENABLED = false;

        public static final String DEFAULT_GATEWAY = ChildSettings.IstioSettings.DEFAULT_GATEWAY;
        public static final String DEFAULT_HOST = ChildSettings.IstioSettings.DEFAULT_HOST;
        public static final String DEFAULT_CLUSTER_DOMAIN = ChildSettings.IstioSettings.DEFAULT_CLUSTER_DOMAIN;

        private boolean enabled = DEFAULT_ENABLED;
        private String gateway = DEFAULT_GATEWAY;
        private String host = DEFAULT_HOST;
        private String clusterDomain = DEFAULT_CLUSTER_DOMAIN;

        /** @return {@code USE_ISTIO}: make a VirtualService per notebook. Default {@value #DEFAULT_ENABLED}. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return {@code ISTIO_GATEWAY}, the VirtualService's gateway. Default {@value #DEFAULT_GATEWAY}. */
        public String getGateway() {
            return gateway;
        }

        public void setGateway(String gateway) {
            this.gateway = gateway;
        }

        /** @return {@code ISTIO_HOST}, the VirtualService's host. Default {@value #DEFAULT_HOST}. */
        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        /**
         * @return {@code CLUSTER_DOMAIN}, for the route's destination ({@code <name>.<ns>.svc.<domain>}) and the
         *     culler's requests by cluster DNS. Default {@value #DEFAULT_CLUSTER_DOMAIN}.
         */
        public String getClusterDomain() {
            return clusterDomain;
        }

        public void setClusterDomain(String clusterDomain) {
            this.clusterDomain = clusterDomain;
        }
    }
}
