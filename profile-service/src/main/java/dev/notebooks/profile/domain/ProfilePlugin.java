package dev.notebooks.profile.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins Kubeflow's profile controller knows, read from a Profile's {@code spec.plugins}. Each annotates the
 * profile's {@code default-editor} service account so its pods get cloud credentials; the cloud side (the IAM binding
 * or trust policy) is the cloud administrator's job here, not this service's.
 */
public sealed interface ProfilePlugin {

    String WORKLOAD_IDENTITY = "WorkloadIdentity";
    String AWS_IAM_FOR_SERVICE_ACCOUNT = "AwsIamForServiceAccount";
    Set<String> KINDS = Set.of(WORKLOAD_IDENTITY, AWS_IAM_FOR_SERVICE_ACCOUNT);

    /** GKE's annotation pairing a Kubernetes service account with a Google one. */
    String GCP_SERVICE_ACCOUNT_ANNOTATION = "iam.gke.io/gcp-service-account";

    /** EKS's annotation naming the IAM role a service account assumes. */
    String AWS_ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";

    /** Every annotation a plugin may set; one whose plugin is gone is removed. */
    Set<String> ANNOTATIONS = Set.of(GCP_SERVICE_ACCOUNT_ANNOTATION, AWS_ROLE_ARN_ANNOTATION);

    String GCP_SERVICE_ACCOUNT_SUFFIX = ".iam.gserviceaccount.com";

    /** @return the annotations the plugin puts on {@code default-editor} */
    Map<String, String> serviceAccountAnnotations();

    /** @return why the plugin's spec cannot work, for the profile's status; empty when it can */
    Optional<String> problem();

    /** GKE Workload Identity: {@code default-editor} acts as a Google service account. */
    record WorkloadIdentity(String gcpServiceAccount) implements ProfilePlugin {

        @Override
        public Map<String, String> serviceAccountAnnotations() {
            return gcpServiceAccount == null ? Map.of() : Map.of(GCP_SERVICE_ACCOUNT_ANNOTATION, gcpServiceAccount);
        }

        @Override
        public Optional<String> problem() {
            if (gcpServiceAccount == null
                    || !gcpServiceAccount.contains("@")
                    || !gcpServiceAccount.endsWith(GCP_SERVICE_ACCOUNT_SUFFIX)) {
                return Optional.of(WORKLOAD_IDENTITY + ": gcpServiceAccount '" + gcpServiceAccount
                        + "' is not a Google service account (name@project" + GCP_SERVICE_ACCOUNT_SUFFIX + ")");
            }
            return Optional.empty();
        }
    }

    /**
     * IAM roles for service accounts on EKS: {@code default-editor} assumes an AWS role.
     *
     * @param annotateOnly Kubeflow's switch to leave the role's trust policy alone; this service never changes it
     */
    record AwsIamForServiceAccount(String awsIamRole, boolean annotateOnly) implements ProfilePlugin {

        @Override
        public Map<String, String> serviceAccountAnnotations() {
            return awsIamRole == null || awsIamRole.isBlank() ? Map.of() : Map.of(AWS_ROLE_ARN_ANNOTATION, awsIamRole);
        }

        @Override
        public Optional<String> problem() {
            if (awsIamRole == null || awsIamRole.isBlank()) {
                return Optional.of(AWS_IAM_FOR_SERVICE_ACCOUNT + ": awsIamRole is empty");
            }
            return Optional.empty();
        }
    }

    /** @return the typed plugin, or empty for a kind Kubeflow does not know */
    static Optional<ProfilePlugin> of(Profile.Plugin plugin) {
        Map<String, Object> spec = plugin.spec() == null ? Map.of() : plugin.spec();
        if (WORKLOAD_IDENTITY.equals(plugin.kind())) {
            return Optional.of(new WorkloadIdentity(text(spec.get("gcpServiceAccount"))));
        }
        if (AWS_IAM_FOR_SERVICE_ACCOUNT.equals(plugin.kind())) {
            return Optional.of(new AwsIamForServiceAccount(
                    text(spec.get("awsIamRole")), Boolean.parseBoolean(text(spec.get("annotateOnly")))));
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
