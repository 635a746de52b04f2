package dev.notebooks.notebook.domain.children;

/**
 * How the reconciler shapes a Notebook's children; Kubeflow's controller reads the same from its environment.
 *
 * @param addFsGroup {@code ADD_FSGROUP}: give a pod without a security context {@code fsGroup: 100} (default true)
 * @param istio the VirtualService settings
 */
public record ChildSettings(boolean addFsGroup, IstioSettings istio) {

    public static ChildSettings defaults() {
        return new ChildSettings(true, IstioSettings.defaults());
    }

    /**
     * @param enabled {@code USE_ISTIO}: make a VirtualService per notebook (Kubeflow's manifests: true)
     * @param gateway {@code ISTIO_GATEWAY}
     * @param host {@code ISTIO_HOST}
     * @param clusterDomain {@code CLUSTER_DOMAIN}, for the route's destination host
     */
    public record IstioSettings(boolean enabled, String gateway, String host, String clusterDomain) {

        public static final String DEFAULT_GATEWAY = "kubeflow/kubeflow-gateway";
        public static final String DEFAULT_HOST = "*";
        public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

        public IstioSettings {
            gateway = gateway == null || gateway.isBlank() ? DEFAULT_GATEWAY : gateway;
            host = host == null || host.isBlank() ? DEFAULT_HOST : host;
            clusterDomain = clusterDomain == null || clusterDomain.isBlank() ? DEFAULT_CLUSTER_DOMAIN : clusterDomain;
        }

        public static IstioSettings defaults() {
            return new IstioSettings(true, DEFAULT_GATEWAY, DEFAULT_HOST, DEFAULT_CLUSTER_DOMAIN);
        }

        public static IstioSettings off() {
            return new IstioSettings(false, DEFAULT_GATEWAY, DEFAULT_HOST, DEFAULT_CLUSTER_DOMAIN);
        }
    }
}
