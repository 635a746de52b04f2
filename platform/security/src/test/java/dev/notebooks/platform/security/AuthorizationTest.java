package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest implements TestPropertyProvider {

    private static final Duration CACHE_CATCHES_UP = Duration.ofSeconds(1);
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.com";
    private static final String DAVE = "dave@example.com";

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    AuditLog auditLog;

    @Inject
    AccessCache accessCache;

    private final CoreV1Api core = new CoreV1Api(KubernetesFixture.shared().apiClient());
    private final RbacAuthorizationV1Api rbac =
            new RbacAuthorizationV1Api(KubernetesFixture.shared().apiClient());

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestProperties.properties();
    }

    @BeforeAll
    void waitUntilReady() {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        client().exchange(HttpRequest.GET("/health/readiness")).status() == HttpStatus.OK);
    }

    @Test
    void ownerContributorsAndStrangerGetTheirRoles() throws ApiException {
        createProfileNamespace("team-roles", ALICE);
        addContributor("team-roles", BOB, ProfileRole.EDIT);
        addContributor("team-roles", CAROL, ProfileRole.VIEW);

        await().atMost(CACHE_CATCHES_UP).untilAsserted(() -> {
            assertThat(roleOf(ALICE, "team-roles")).isEqualTo(ProfileRole.OWNER);
            assertThat(roleOf(BOB, "team-roles")).isEqualTo(ProfileRole.EDIT);
            assertThat(roleOf(CAROL, "team-roles")).isEqualTo(ProfileRole.VIEW);
        });
        assertThat(roleOf(DAVE, "team-roles")).isEqualTo(ProfileRole.NONE);
    }

    @Test
    void clusterAdminIsAdminOnEveryProfile() throws ApiException {
        createProfileNamespace("team-admin", ALICE);

        assertThat(roleOf(SecurityTestProperties.ADMIN, "team-admin")).isEqualTo(ProfileRole.ADMIN);
        await().atMost(CACHE_CATCHES_UP).untilAsserted(() -> assertThat(profilesOf(SecurityTestProperties.ADMIN))
                .contains(new ProfileAccess("team-admin", ProfileRole.ADMIN)));
    }

    @Test
    void removingAContributorsBindingTakesTheirAccessAway() throws ApiException {
        createProfileNamespace("team-revoke", ALICE);
        addContributor("team-revoke", BOB, ProfileRole.EDIT);
        await().atMost(CACHE_CATCHES_UP).until(() -> roleOf(BOB, "team-revoke") == ProfileRole.EDIT);

        rbac.deleteNamespacedRoleBinding(KubeflowBindings.contributorBindingName(BOB, ProfileRole.EDIT), "team-revoke")
                .execute();

        await().atMost(CACHE_CATCHES_UP).until(() -> roleOf(BOB, "team-revoke") == ProfileRole.NONE);
    }

    @Test
    void profilesForListsEveryProfileTheCallerCanReachWithTheirRole() throws ApiException {
        String dana = "dana@example.com";
        createProfileNamespace("dana-own", dana);
        createProfileNamespace("dana-edits", ALICE);
        createProfileNamespace("dana-views", ALICE);
        createProfileNamespace("dana-outside", ALICE);
        addContributor("dana-edits", dana, ProfileRole.EDIT);
        addContributor("dana-views", dana, ProfileRole.VIEW);

        await().atMost(CACHE_CATCHES_UP).untilAsserted(() -> assertThat(profilesOf(dana))
                .containsExactly(
                        new ProfileAccess("dana-edits", ProfileRole.EDIT),
                        new ProfileAccess("dana-own", ProfileRole.OWNER),
                        new ProfileAccess("dana-views", ProfileRole.VIEW)));
    }

    @Test
    void enoughRoleIsAllowed() throws ApiException {
        createProfileNamespace("team-allowed", ALICE);
        addContributor("team-allowed", BOB, ProfileRole.EDIT);

        await().atMost(CACHE_CATCHES_UP).until(() -> roleOf(BOB, "team-allowed") == ProfileRole.EDIT);

        ProfileRole allowedAs = client().retrieve(
                        as(BOB, HttpRequest.POST("/api/namespaces/team-allowed/notebooks/nb", "")), ProfileRole.class);

        assertThat(allowedAs).isEqualTo(ProfileRole.EDIT);
        assertThat(auditLog.find(AuditQuery.newestFirst().withNamespace("team-allowed"))
                        .items())
                .as("allowed decisions are audited by the service that makes the change")
                .isEmpty();
    }

    @Test
    void tooWeakARoleIsAForbiddenProblem() throws ApiException {
        createProfileNamespace("team-denied", ALICE);
        addContributor("team-denied", CAROL, ProfileRole.VIEW);
        await().atMost(CACHE_CATCHES_UP).until(() -> roleOf(CAROL, "team-denied") == ProfileRole.VIEW);

        HttpClientResponseException rejected =
                call(as(CAROL, HttpRequest.POST("/api/namespaces/team-denied/notebooks/nb", "")));

        assertThat(rejected.code()).isEqualTo(403);
        assertThat(rejected.getResponse().getContentType())
                .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(Problems.body(rejected))
                .containsEntry("type", ForbiddenException.TYPE.toString())
                .containsEntry("title", "Forbidden")
                .containsEntry("status", 403)
                .hasEntrySatisfying(
                        "detail", detail -> assertThat((String) detail).contains(CAROL, "VIEW", "EDIT", "team-denied"));
    }

    @Test
    void everyDenialIsAudited() throws ApiException {
        createProfileNamespace("team-audited", ALICE);
        addContributor("team-audited", CAROL, ProfileRole.VIEW);
        await().atMost(CACHE_CATCHES_UP).until(() -> roleOf(CAROL, "team-audited") == ProfileRole.VIEW);

        call(as(CAROL, HttpRequest.POST("/api/namespaces/team-audited/notebooks/nb", "")));

        assertThat(auditLog.find(AuditQuery.newestFirst().withNamespace("team-audited"))
                        .items())
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo(Outcome.DENIED);
                    assertThat(record.actor()).isEqualTo(CAROL);
                    assertThat(record.source()).isEqualTo("127.0.0.1");
                    assertThat(record.action()).isEqualTo("notebook.create");
                    assertThat(record.resourceKind()).isEqualTo("Notebook");
                    assertThat(record.name()).isEqualTo("nb");
                    assertThat(record.reason()).contains("VIEW", "EDIT");
                });
    }

    @Test
    void onlyClusterAdminsMayDoClusterWideActions() {
        HttpClientResponseException rejected = call(as(ALICE, HttpRequest.POST("/api/images/jupyter", "")));

        assertThat(rejected.code()).isEqualTo(403);
        HttpResponse<?> allowed =
                client().exchange(as(SecurityTestProperties.ADMIN, HttpRequest.POST("/api/images/jupyter", "")));
        assertThat(allowed.code()).isEqualTo(200);
    }

    private ProfileRole roleOf(String user, String namespace) {
        return client().retrieve(as(user, HttpRequest.GET("/api/profiles/" + namespace + "/role")), ProfileRole.class);
    }

    private List<ProfileAccess> profilesOf(String user) {
        return client().retrieve(as(user, HttpRequest.GET("/api/profiles")), Argument.listOf(ProfileAccess.class));
    }

    private static <T> MutableHttpRequest<T> as(String user, MutableHttpRequest<T> request) {
        return request.header("kubeflow-userid", SecurityTestProperties.USERID_PREFIX + user);
    }

    private HttpClientResponseException call(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client().exchange(
                        request, Argument.STRING, Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void theAccessCacheKeepsOnlyWhatDecidesAccess() throws ApiException {
        core.createNamespace(new V1Namespace()
                        .metadata(new V1ObjectMeta()
                                .name("team-cached")
                                .putAnnotationsItem("owner", ALICE)
                                .putAnnotationsItem("description", "a team's notebooks")
                                .putLabelsItem("app.kubernetes.io/part-of", "kubeflow-profile")))
                .execute();
        assertThat(core.readNamespace("team-cached").execute().getMetadata().getManagedFields())
                .isNotEmpty();

        // how soon is not the point here (the other tests hold the cache to a second)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accessCache.namespace("team-cached").isPresent());

        V1ObjectMeta cached = accessCache.namespace("team-cached").orElseThrow().getMetadata();
        assertThat(cached.getManagedFields()).isNull();
        assertThat(cached.getLabels()).isNull();
        assertThat(cached.getUid()).isNull();
        assertThat(cached.getAnnotations()).containsOnly(Map.entry("owner", ALICE));
        assertThat(accessCache.namespacesOwnedBy(ALICE))
                .extracting(namespace -> namespace.getMetadata().getName())
                .contains("team-cached");
    }

    private void createProfileNamespace(String name, String owner) throws ApiException {
        core.createNamespace(
                        new V1Namespace().metadata(new V1ObjectMeta().name(name).putAnnotationsItem("owner", owner)))
                .execute();
    }

    /** A contributor's RoleBinding as KFAM (and profile-service) create it. */
    private void addContributor(String namespace, String user, ProfileRole role) throws ApiException {
        rbac.createNamespacedRoleBinding(
                        namespace,
                        new V1RoleBinding()
                                .metadata(new V1ObjectMeta()
                                        .name(KubeflowBindings.contributorBindingName(user, role))
                                        .putAnnotationsItem(KubeflowBindings.USER_ANNOTATION, user)
                                        .putAnnotationsItem(
                                                KubeflowBindings.ROLE_ANNOTATION, KubeflowBindings.roleName(role)))
                                .roleRef(new V1RoleRef()
                                        .apiGroup("rbac.authorization.k8s.io")
                                        .kind("ClusterRole")
                                        .name(KubeflowBindings.clusterRole(role)))
                                .addSubjectsItem(new RbacV1Subject()
                                        .apiGroup("rbac.authorization.k8s.io")
                                        .kind("User")
                                        .name(user)))
                .execute();
    }

    private BlockingHttpClient client() {
        return httpClient.toBlocking();
    }
}
