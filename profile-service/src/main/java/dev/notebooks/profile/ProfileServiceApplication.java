package dev.notebooks.profile;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "profile-service",
                        version = "v1",
                        description = "Kubeflow ProfileService, contributors and quotas"))
public class ProfileServiceApplication {

    public static void main(String[] args) {
        Micronaut.run(ProfileServiceApplication.class, args);
    }
}
