package dev.notebooks.profile;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * What a contributor's Istio AuthorizationPolicy lets in besides the ingress gateway (when
 * {@code profiles.istio-authorization-policies} is on), as Kubeflow's KFAM writes it.
 */
@ConfigurationProperties(ContributorSettings.PREFIX)
public class ContributorSettings {

    public static final String PREFIX = "profiles.contributors";

    /** Kubeflow Pipelines' UI, which KFAM lets call into a profile namespace for a contributor. */
    public static final String DEFAULT_KFP_UI_PRINCIPAL = "cluster.local/ns/kubeflow/sa/ml-pipeline-ui";

    private String kfpUiPrincipal = DEFAULT_KFP_UI_PRINCIPAL;

    /** @return the Pipelines UI's principal in a contributor's policy. Default {@value #DEFAULT_KFP_UI_PRINCIPAL}. */
    public String getKfpUiPrincipal() {
        return kfpUiPrincipal;
    }

    public void setKfpUiPrincipal(String kfpUiPrincipal) {
        this.kfpUiPrincipal = kfpUiPrincipal;
    }
}
