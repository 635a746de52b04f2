package dev.notebooks.catalog.events;

import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.store.NotebookImageRepository;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Which image each notebook runs. Images are kept normalised, as the catalog keeps them, so that
 * {@code docker.io/library/x:1} in a notebook counts for {@code x:1} in the catalog. An event older than what is
 * stored for its notebook changes nothing, so late deliveries do not resurrect deleted notebooks.
 */
@Singleton
public class ImageUsage {

    private final NotebookImageRepository notebooks;

    ImageUsage(NotebookImageRepository notebooks) {
        this.notebooks = notebooks;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void created(NotebookCreated notebook, Instant time) {
        notebooks.observe(
                Subjects.namespaced(notebook.namespace(), notebook.name()), normalised(notebook.image()), true, time);
    }

    /** An edit to another image: the notebook now counts for the new image only. */
    @Transactional(Transactional.TxType.MANDATORY)
    void updated(NotebookUpdated notebook, Instant time) {
        notebooks.observe(
                Subjects.namespaced(notebook.namespace(), notebook.name()), normalised(notebook.image()), true, time);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(NotebookDeleted notebook, Instant time) {
        notebooks.observe(
                Subjects.namespaced(notebook.namespace(), notebook.name()), normalised(notebook.image()), false, time);
    }

    /** @return how many notebooks run the image */
    public long notebooksUsing(String reference) {
        return notebooks.countByImageAndPresent(normalised(reference), true);
    }

    private static String normalised(String image) {
        return ImageReference.isValid(image) ? ImageReference.parse(image).toString() : image;
    }
}
