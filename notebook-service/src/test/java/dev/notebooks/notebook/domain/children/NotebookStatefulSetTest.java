package dev.notebooks.notebook.domain.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookStatefulSetTest {

    private static final ChildSettings SETTINGS = ChildSettings.defaults();

    @Test
    void itIsNamedAfterTheNotebookAndSelectsByTheStatefulSetLabel() {
        V1StatefulSet sts = desired(TestNotebooks.jupyter("nb"));

        assertThat(sts.getMetadata().getName()).isEqualTo("nb");
        assertThat(sts.getMetadata().getNamespace()).isEqualTo(TestNotebooks.NAMESPACE);
        assertThat(sts.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(sts.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("statefulset", "nb"));
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getMetadata().getOwnerReferences())
                .containsExactly(new V1OwnerReference()
                        .apiVersion("kubeflow.org/v1")
                        .kind("Notebook")
                        .name("nb")
                        .uid(TestNotebooks.UID)
                        .controller(true)
                        .blockOwnerDeletion(true));
    }

    @Test
    void theStopAnnotationWithAnyValueScalesToZero() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem("kubeflow-resource-stopped", "");

        assertThat(desired(notebook).getSpec().getReplicas()).isZero();
    }

    @Test
    void nothingToWriteWhenTheStoredObjectOnlyAddsApiServerDefaults() {
        V1StatefulSet desired = desired(TestNotebooks.jupyter("nb"));

        assertThat(NotebookStatefulSet.needsUpdate(desired, ApiServer.stored(desired)))
                .isFalse();
    }

    @Test
    void nothingToWriteAfterTheMergedObjectWasStored() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.getMetadata().putLabelsItem("team", "ml");
        V1StatefulSet desired = desired(notebook);

        V1StatefulSet written = ApiServer.stored(NotebookStatefulSet.merged(desired, actual));

        assertThat(NotebookStatefulSet.needsUpdate(desired, written)).isFalse();
    }

    @Test
    void aLabelAddedToTheNotebookLaterReachesThePods() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.getMetadata().putLabelsItem("access-ml-pipeline", "true");
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels())
                .containsEntry("access-ml-pipeline", "true");
    }

    @Test
    void aLabelRemovedFromTheNotebookLeavesThePods() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putLabelsItem("access-ml-pipeline", "true");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.getMetadata().getLabels().remove("access-ml-pipeline");
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels())
                .doesNotContainKey("access-ml-pipeline");
    }

    @Test
    void anAnnotationChangedOnTheNotebookLaterReachesThePods() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem("sidecar.istio.io/inject", "true");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.getMetadata().putAnnotationsItem("sidecar.istio.io/inject", "false");
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry("sidecar.istio.io/inject", "false");
    }

    @Test
    void aLimitRemovedFromTheNotebookIsRemovedFromThePods() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.serverContainer().orElseThrow().getResources().getLimits().remove("cpu");
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits())
                .doesNotContainKey("cpu");
    }

    @Test
    void theSameQuantityWrittenDifferentlyIsNoChange() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.serverContainer()
                .orElseThrow()
                .getResources()
                .putRequestsItem("cpu", new Quantity("500m"))
                .putRequestsItem("memory", new Quantity("1Gi"));

        assertThat(NotebookStatefulSet.needsUpdate(desired(notebook), actual)).isFalse();
    }

    @Test
    void aHandEditOfAFieldTheNotebookSetsIsPutBack() {
        V1StatefulSet desired = desired(TestNotebooks.jupyter("nb"));
        V1StatefulSet actual = ApiServer.stored(desired);
        actual.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo(TestNotebooks.jupyter("nb")
                        .serverContainer()
                        .orElseThrow()
                        .getImage());
    }

    @Test
    void whatOthersAddedToTheStatefulSetIsKeptAndIsNoReasonToWrite() {
        V1StatefulSet desired = desired(TestNotebooks.jupyter("nb"));
        V1StatefulSet actual = ApiServer.stored(desired);
        actual.getMetadata().putLabelsItem("backup.velero.io/backup-name", "nightly");
        actual.getMetadata().putAnnotationsItem("argocd.argoproj.io/tracking-id", "x");
        actual.getSpec()
                .getTemplate()
                .getMetadata()
                .putAnnotationsItem("kubectl.kubernetes.io/restartedAt", "2025-01-02T00:00:00Z");

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isFalse();

        Notebook changed = TestNotebooks.jupyter("nb");
        changed.getMetadata().putLabelsItem("team", "ml");
        V1StatefulSet merged = NotebookStatefulSet.merged(desired(changed), actual);
        assertThat(merged.getMetadata().getLabels()).containsEntry("backup.velero.io/backup-name", "nightly");
        assertThat(merged.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/tracking-id", "x");
        assertThat(merged.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("kubectl.kubernetes.io/restartedAt", "2025-01-02T00:00:00Z");
        assertThat(merged.getMetadata().getResourceVersion()).isEqualTo("4711");
        assertThat(merged.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    }

    @Test
    void stoppingScalesTheStatefulSetToZero() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.getMetadata().putAnnotationsItem("kubeflow-resource-stopped", "2025-01-01T12:00:00Z");
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual).getSpec().getReplicas())
                .isZero();
    }

    @Test
    void aStatefulSetMadeByKubeflowsControllerIsAdoptedWithOneControllerReference() {
        V1StatefulSet desired = desired(TestNotebooks.jupyter("nb"));
        V1StatefulSet kubeflows = ApiServer.stored(desired);
        kubeflows.getMetadata().setAnnotations(null);
        kubeflows.getMetadata().getOwnerReferences().get(0).setApiVersion("kubeflow.org/v1beta1");

        assertThat(NotebookStatefulSet.needsUpdate(desired, kubeflows)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, kubeflows).getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(reference -> assertThat(reference.getApiVersion()).isEqualTo("kubeflow.org/v1"));
    }

    @Test
    void anEnvVariableRemovedFromTheNotebookIsRemovedFromThePods() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.serverContainer()
                .orElseThrow()
                .addEnvItem(new V1EnvVar().name("DEBUG").value("1"));
        V1StatefulSet actual = ApiServer.stored(desired(notebook));
        notebook.serverContainer().orElseThrow().setEnv(null);
        V1StatefulSet desired = desired(notebook);

        assertThat(NotebookStatefulSet.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookStatefulSet.merged(desired, actual)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .extracting(V1EnvVar::getName)
                .containsExactly("NB_PREFIX");
    }

    private static V1StatefulSet desired(Notebook notebook) {
        return NotebookStatefulSet.desired(notebook, NotebookPodTemplate.of(notebook, SETTINGS));
    }
}
