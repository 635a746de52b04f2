package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** kube-controller-manager's resource quota controller: each quota's {@code status.hard} and {@code status.used}, kept current. */
final class QuotaController {

    private static final List<GroupResource> COUNTED = List.of(
            Kinds.PODS,
            Kinds.PVCS,
            Kinds.SERVICES,
            new GroupResource("", "configmaps"),
            new GroupResource("", "secrets"));

    private final Workloads workloads;
    private final ComponentClient client;

    QuotaController(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.QUOTAS, change -> {
            if (!change.type().equals("DELETED")) {
                recount(Json.text(change.object(), "metadata", "namespace"));
            }
        });
        for (GroupResource kind : COUNTED) {
            workloads.watch(kind, change -> recount(Json.text(change.object(), "metadata", "namespace")));
        }
    }

    private void recount(String namespace) {
        workloads.soon("quota/" + namespace, () -> {
            ObjectApi api = client.api();
            for (ObjectNode quota : client.list(Kinds.QUOTAS, namespace)) {
                Map<String, BigDecimal> hard = Quantities.of(quota.path("spec").path("hard"));
                Map<String, BigDecimal> used =
                        api.store().read(() -> QuotaUsage.used(api.store(), api.types(), namespace, hard.keySet()));
                client.changeStatus(Kinds.QUOTAS, quota, current -> {
                    ObjectNode status = Json.object();
                    status.set("hard", current.path("spec").path("hard").deepCopy());
                    ObjectNode usedNode = status.putObject("used");
                    used.forEach((name, value) -> usedNode.put(name, Quantities.format(name, value)));
                    current.set("status", status);
                    return current;
                });
            }
        });
    }
}
