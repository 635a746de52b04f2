package dev.notebooks.catalog.api;

import dev.notebooks.platform.testing.dex.DexDouble;
import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link AuthorizationMatrixTest} with callers named by Dex ID tokens only ({@code header-fallback: false}): the same
 * answers for every endpoint and caller, so the catalog's admin-only changes and its audit trail stay admin-only in
 * token mode; without a token it is a 401 whatever header is sent.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DexTokenAuthorizationMatrixTest extends AuthorizationMatrixTest {

    private final DexDouble dex = DexDouble.start("kubeflow-oidc-authservice");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ApiTestProperties.properties("catalog_authz_tokens", registry());
        properties.putAll(dex.properties());
        properties.put("platform.security.dex-tokens.header-fallback", "false");
        return properties;
    }

    @Override
    TestHttp.Reply call(String actor, MutableHttpRequest<?> request) {
        // the header alone names nobody here: a caller without a token sends only the header
        return actor == null
                ? super.call(ApiTestProperties.ADMIN, request)
                : super.call(null, request.bearerAuth(dex.token(actor).signed()));
    }

    @AfterAll
    void stopDex() {
        dex.close();
    }
}
