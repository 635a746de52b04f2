package dev.notebooks.notebook.domain.spawner;

import java.util.List;

/**
 * The body JWA's frontend posts to create a notebook, field by field as it names them; null is a field the body leaves
 * out. Numbers in the JSON body ({@code "cpu": 1}) arrive here as their text.
 */
public record NotebookForm(
        String name,
        String image,
        String customImage,
        String imagePullPolicy,
        String serverType,
        String cpu,
        String cpuLimit,
        String memory,
        String memoryLimit,
        Gpus gpus,
        FormVolume workspace,
        List<FormVolume> datavols,
        Boolean shm,
        List<String> configurations,
        String affinityConfig,
        String tolerationGroup) {}
