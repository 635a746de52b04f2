package dev.notebooks.profile.controller;

import static dev.notebooks.platform.kube.ResourceTypes.ROLE_BINDING;

import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.events.ContributorAnnouncer;
import dev.notebooks.profile.service.ContributorBinding;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The contributor RoleBindings in a profile's namespace as they are now, from the informer cache, with their author. */
final class ObservedContributors {

    private static final String SUBJECTS = "f:subjects";

    private final ChildClient children;
    private final String self;
    private final Clock clock;

    ObservedContributors(ChildClient children, String self, Clock clock) {
        this.children = children;
        this.self = self;
        this.clock = clock;
    }

    List<ContributorAnnouncer.Observed> in(Profile profile) {
        return children.list(ROLE_BINDING, profile.name()).stream()
                .flatMap(binding ->
                        ContributorBinding.of(binding).map(contributor -> observed(binding, contributor)).stream())
                .toList();
    }

    private ContributorAnnouncer.Observed observed(V1RoleBinding binding, ContributorBinding contributor) {
        Optional<V1ManagedFieldsEntry> writer = SpecManagers.newest(binding.getMetadata(), self, SUBJECTS);
        String manager = writer.map(V1ManagedFieldsEntry::getManager).orElse(SpecManagers.UNKNOWN);
        boolean pending = self.equals(manager)
                && SpecManagers.withinRecordGrace(writer.get().getTime(), clock);
        return new ContributorAnnouncer.Observed(binding.getMetadata().getUid(), contributor, manager, pending);
    }
}
