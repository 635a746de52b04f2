package dev.notebooks.notebook;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "notebook-service",
                        version = "v1",
                        description = "Kubeflow Notebooks: the spawner API of Kubeflow's jupyter web app, stop, start,"
                                + " edit, PodDefaults and idle culling"))
public class NotebookServiceApplication {

    public static void main(String[] args) {
        Micronaut.run(NotebookServiceApplication.class, args);
    }
}
