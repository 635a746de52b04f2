package dev.notebooks.profile.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * KFAM's {@code Binding} ({@code components/access-management/kfam/model_binding.go}), field names included: note
 * the capital {@code RoleRef}.
 *
 * @param user the subject, {@code {kind: User, name}}
 * @param referredNamespace the profile
 * @param roleRef {@code {kind: ClusterRole, name: admin|edit|view}}
 * @param status unused, as in KFAM
 */
@Serdeable
public record KfamBinding(
        @Nullable Subject user,
        @Nullable String referredNamespace,
        @JsonProperty("RoleRef") @Nullable RoleRef roleRef,
        @Nullable String status) {

    /** Kubernetes' {@code rbacv1.Subject}. */
    @Serdeable
    public record Subject(
            @Nullable String kind, @Nullable String apiGroup, @Nullable String name, @Nullable String namespace) {}

    /** Kubernetes' {@code rbacv1.RoleRef}, with KFAM's role names ({@code admin}, {@code edit}, {@code view}). */
    @Serdeable
    public record RoleRef(@Nullable String apiGroup, @Nullable String kind, @Nullable String name) {}

    /** KFAM's {@code BindingEntries}. */
    @Serdeable
    public record Entries(List<KfamBinding> bindings) {}
}
