package dev.notebooks.profile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a profile's namespace gets, and the rules for who may create profiles. */
@ConfigurationProperties(ProfileSettings.PREFIX)
public class ProfileSettings {

    public static final String PREFIX = "profiles";

    /** Kubeflow's namespace labels (its profile controller's {@code namespace-labels.yaml}) plus Istio injection. */
    public static final Map<String, String> DEFAULT_NAMESPACE_LABELS = Map.of(
            "app.kubernetes.io/part-of", "kubeflow-profile",
            "istio-injection", "enabled");

    /** The label the pod-security admission controller reads, set when {@link #getPodSecurityEnforce()} is given. */
    public static final String POD_SECURITY_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

    public static final boolean DEFAULT_ISTIO_AUTHORIZATION_POLICIES = false;

    public static final boolean DEFAULT_ONE_PROFILE_PER_OWNER = true;

    /** The header Kubeflow's gateway sets to the user, matched by the Istio policies. */
    public static final String DEFAULT_USERID_HEADER = "kubeflow-userid";

    public static final String DEFAULT_USERID_PREFIX = "";

    /** Kubeflow's ingress gateway, allowed into every profile namespace by the owner's policy. */
    public static final String DEFAULT_ISTIO_INGRESS_GATEWAY_PRINCIPAL =
            "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";

    /** Kubeflow's notebook controller, allowed to probe notebooks by the owner's policy. */
    public static final String DEFAULT_NOTEBOOK_CONTROLLER_PRINCIPAL =
            "cluster.local/ns/kubeflow/sa/notebook-controller-service-account";

    /** Kubeflow Pipelines' UI, allowed to reach the owner's workloads on the owner's behalf. */
    public static final String DEFAULT_KFP_UI_PRINCIPAL = "cluster.local/ns/kubeflow/sa/ml-pipeline-ui";

    private Map<String, String> namespaceLabels = DEFAULT_NAMESPACE_LABELS;
    private String podSecurityEnforce;
    private boolean istioAuthorizationPolicies = DEFAULT_ISTIO_AUTHORIZATION_POLICIES;
    private boolean oneProfilePerOwner = DEFAULT_ONE_PROFILE_PER_OWNER;
    private String useridHeader = DEFAULT_USERID_HEADER;
    private String useridPrefix = DEFAULT_USERID_PREFIX;
    private String istioIngressGatewayPrincipal = DEFAULT_ISTIO_INGRESS_GATEWAY_PRINCIPAL;
    private String notebookControllerPrincipal = DEFAULT_NOTEBOOK_CONTROLLER_PRINCIPAL;
    private String kfpUiPrincipal = DEFAULT_KFP_UI_PRINCIPAL;

    /**
     * @return the labels every profile namespace carries, replacing the defaults when configured; as in Kubeflow's
     *     {@code namespace-labels.yaml}, an empty value removes that label. Default
     *     {@code app.kubernetes.io/part-of: kubeflow-profile} and {@code istio-injection: enabled}.
     */
    public Map<String, String> getNamespaceLabels() {
        return namespaceLabels;
    }

    public void setNamespaceLabels(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                    Map<String, String> namespaceLabels) {
        this.namespaceLabels = namespaceLabels == null ? Map.of() : Map.copyOf(namespaceLabels);
    }

    /** @return the pod-security level to enforce ({@code baseline}, {@code restricted}). Default: none. */
    public Optional<String> getPodSecurityEnforce() {
        return Optional.ofNullable(podSecurityEnforce).filter(level -> !level.isBlank());
    }

    public void setPodSecurityEnforce(String podSecurityEnforce) {
        this.podSecurityEnforce = podSecurityEnforce;
    }

    /** @return every label the reconciler manages on a profile namespace: the namespace labels plus pod security */
    public Map<String, String> managedNamespaceLabels() {
        Map<String, String> labels = new LinkedHashMap<>(namespaceLabels);
        getPodSecurityEnforce().ifPresent(level -> labels.put(POD_SECURITY_ENFORCE_LABEL, level));
        return labels;
    }

    /**
     * @return whether the reconciler (owner) and the API (contributors) write Istio AuthorizationPolicies as
     *     Kubeflow does. Default {@value #DEFAULT_ISTIO_AUTHORIZATION_POLICIES}.
     */
    public boolean isIstioAuthorizationPolicies() {
        return istioAuthorizationPolicies;
    }

    public void setIstioAuthorizationPolicies(boolean istioAuthorizationPolicies) {
        this.istioAuthorizationPolicies = istioAuthorizationPolicies;
    }

    /**
     * @return whether a user who is not an admin may own at most one profile. Default
     *     {@value #DEFAULT_ONE_PROFILE_PER_OWNER}.
     */
    public boolean isOneProfilePerOwner() {
        return oneProfilePerOwner;
    }

    public void setOneProfilePerOwner(boolean oneProfilePerOwner) {
        this.oneProfilePerOwner = oneProfilePerOwner;
    }

    /** @return the user id header the Istio policies match. Default value {@value #DEFAULT_USERID_HEADER}. */
    public String getUseridHeader() {
        return useridHeader;
    }

    public void setUseridHeader(String useridHeader) {
        this.useridHeader = useridHeader;
    }

    /** @return the prefix of the header's value the Istio policies match (e.g. {@code accounts.google.com:}). Default none. */
    public String getUseridPrefix() {
        return useridPrefix;
    }

    public void setUseridPrefix(String useridPrefix) {
        this.useridPrefix = useridPrefix == null ? DEFAULT_USERID_PREFIX : useridPrefix;
    }

    /** @return the ingress gateway's principal in the owner's policy. Default {@value #DEFAULT_ISTIO_INGRESS_GATEWAY_PRINCIPAL}. */
    public String getIstioIngressGatewayPrincipal() {
        return istioIngressGatewayPrincipal;
    }

    public void setIstioIngressGatewayPrincipal(String istioIngressGatewayPrincipal) {
        this.istioIngressGatewayPrincipal = istioIngressGatewayPrincipal;
    }

    /** @return the notebook controller's principal in the owner's policy. Default {@value #DEFAULT_NOTEBOOK_CONTROLLER_PRINCIPAL}. */
    public String getNotebookControllerPrincipal() {
        return notebookControllerPrincipal;
    }

    public void setNotebookControllerPrincipal(String notebookControllerPrincipal) {
        this.notebookControllerPrincipal = notebookControllerPrincipal;
    }

    /** @return the Pipelines UI's principal in the owner's policy. Default {@value #DEFAULT_KFP_UI_PRINCIPAL}. */
    public String getKfpUiPrincipal() {
        return kfpUiPrincipal;
    }

    public void setKfpUiPrincipal(String kfpUiPrincipal) {
        this.kfpUiPrincipal = kfpUiPrincipal;
    }
}
