package dev.notebooks.profile.api.contributors;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.profile.service.ContributorBinding;
import dev.notebooks.profile.service.ContributorService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

/** A profile's contributors: anyone on the profile may list them, only its owner or an admin may change them. */
@Controller("/api/profiles/{name}/contributors")
@ExecuteOn(TaskExecutors.BLOCKING)
class ContributorController {

    private final ContributorService contributors;

    ContributorController(ContributorService contributors) {
        this.contributors = contributors;
    }

    @Get
    List<Contributor> list(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
        return contributors.list(caller, name).stream()
                .map(binding -> Contributor.of(binding.user(), binding.role()))
                .toList();
    }

    /** Adds {@code {user, role}} with role {@code edit} or {@code view}; 409 if they are the owner or already added. */
    @Post
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Contributor.class)))
    HttpResponse<Contributor> add(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = Contributor.class))) @Body @Nullable
                    JsonNode body) {
        // authorization before validation: a caller without the right gets 403 whatever the body
        contributors.requireOwner(caller, name, ContributorService.ADD);
        ContributorRequests.NewContributor request = ContributorRequests.read(body);
        ContributorBinding added = contributors.add(caller, name, request.user(), request.role());
        return HttpResponse.created(Contributor.of(added.user(), added.role()));
    }

    @Delete("/{user}")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@Parameter(hidden = true) Caller caller, @PathVariable String name, @PathVariable String user) {
        contributors.remove(caller, name, user, null);
    }
}
