package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.ServerType;
import java.util.List;

/**
 * What every notebook event says about the notebook, so that metering, the image catalog and the volume service
 * never need to call back.
 */
public interface NotebookData extends EventData {

    String namespace();

    String name();

    /** The server container's image reference. */
    String image();

    ServerType serverType();

    NotebookResources resources();

    /** The names of the PersistentVolumeClaims it mounts, workspace first. */
    List<String> volumes();
}
