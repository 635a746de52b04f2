package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens switched on without what they need stop the service at start, never a 500 per request. */
class DexTokenStartupTest {

    @Test
    void serviceWithTokensOnButNoIssuerDoesNotStart() {
        Map<String, Object> properties =
                withTokens("platform.security.dex-tokens.audience", "kubeflow-oidc-authservice");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("platform.security.dex-tokens.issuer is required");
    }

    @Test
    void serviceWithTokensOnButNoAudienceDoesNotStart() {
        Map<String, Object> properties = withTokens("platform.security.dex-tokens.issuer", "http://127.0.0.1:5556/dex");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("platform.security.dex-tokens.audience");
    }

    private static Map<String, Object> withTokens(String key, String value) {
        Map<String, Object> properties = new HashMap<>(SecurityTestProperties.properties());
        properties.put("platform.security.dex-tokens.enabled", "true");
        properties.put(key, value);
        return properties;
    }
}
