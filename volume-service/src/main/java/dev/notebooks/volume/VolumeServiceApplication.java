package dev.notebooks.volume;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "volume-service",
                        version = "v1",
                        description = "Volumes of profile namespaces: VWA's API plus resize, snapshots and orphans"))
public class VolumeServiceApplication {

    public static void main(String[] args) {
        Micronaut.run(VolumeServiceApplication.class, args);
    }
}
