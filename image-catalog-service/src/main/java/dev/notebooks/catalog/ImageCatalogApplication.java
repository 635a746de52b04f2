package dev.notebooks.catalog;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "image-catalog-service",
                        version = "v1",
                        description =
                                "the notebook image catalog, its history, the spawner configuration, image checks"))
public class ImageCatalogApplication {

    public static void main(String[] args) {
        Micronaut.run(ImageCatalogApplication.class, args);
    }
}
