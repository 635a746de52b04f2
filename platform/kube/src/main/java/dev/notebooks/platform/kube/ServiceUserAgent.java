package dev.notebooks.platform.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Names the service in the User-Agent of every request its API client makes ({@code micronaut.application.name}), so
 * API server audit logs tell the services apart, and the test API double can record what each one asks for (the
 * chart's RBAC proof in {@code deploy-tests}).
 */
@Singleton
class ServiceUserAgent implements BeanCreatedEventListener<ApiClient> {

    private final String applicationName;

    ServiceUserAgent(
            @Value("${micronaut.application.name:" + KubeConfiguration.DEFAULT_FIELD_MANAGER + "}")
                    String applicationName) {
        this.applicationName = applicationName;
    }

    @Override
    public ApiClient onCreated(BeanCreatedEvent<ApiClient> event) {
        // the first moment a client exists: before it reads anything, it must read through KubeJson's Gson
        KubeJson.install();
        return event.getBean().setUserAgent(applicationName);
    }
}
