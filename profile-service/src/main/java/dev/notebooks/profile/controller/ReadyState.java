package dev.notebooks.profile.controller;

import dev.notebooks.platform.kube.status.Conditions;
import io.kubernetes.client.openapi.models.V1Condition;

/**
 * Whether a profile has everything it needs, and if not, why: the {@code Ready} condition before it is written.
 *
 * @param reason CamelCase, such as {@code NamespaceOwnedByOther}
 */
record ReadyState(boolean ready, String reason, String message) {

    static final String OWNER_MISSING = "OwnerMissing";
    static final String NAMESPACE_OWNED_BY_OTHER = "NamespaceOwnedByOther";
    static final String NAMESPACE_TERMINATING = "NamespaceTerminating";
    static final String PLUGIN_INVALID = "PluginInvalid";
    static final String OWNER_ACCOUNT_DELETED = "OwnerAccountDeleted";

    static ReadyState reconciled() {
        return new ReadyState(true, Conditions.RECONCILED, "");
    }

    static ReadyState failing(String reason, String message) {
        return new ReadyState(false, reason, message);
    }

    V1Condition condition(Long observedGeneration) {
        return ready ? Conditions.ready(observedGeneration) : Conditions.notReady(reason, message, observedGeneration);
    }
}
