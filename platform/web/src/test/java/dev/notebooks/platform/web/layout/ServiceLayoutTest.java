package dev.notebooks.platform.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.notebooks.platform.web.layout.sample.api.RowPeek;
import dev.notebooks.platform.web.layout.sample.api.ThingResource;
import dev.notebooks.platform.web.layout.sample.domain.LeakyRule;
import dev.notebooks.platform.web.layout.sample.service.ThingService;
import dev.notebooks.platform.web.layout.sample.store.Rows;
import org.junit.jupiter.api.Test;

class ServiceLayoutTest {

    private static final String SAMPLE = "dev.notebooks.platform.web.layout.sample";

    @Test
    void aDomainClassThatImportsTheStoreOrMicronautFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakyRule.class, Rows.class);

        assertThatThrownBy(() -> ServiceLayout.of(SAMPLE).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("domain imports only itself")
                .hasMessageContaining("domain is pure Java")
                .hasMessageContaining(Rows.class.getName())
                .hasMessageContaining("io.micronaut.http.HttpStatus");
    }

    @Test
    void apiThroughServiceToStorePasses() {
        JavaClasses classes =
                new ClassFileImporter().importClasses(ThingResource.class, ThingService.class, Rows.class);

        ServiceLayout.of(SAMPLE).check(classes);

        assertThat(ServiceLayout.ALLOWED.get(ServiceLayout.API)).doesNotContain(ServiceLayout.STORE);
    }

    @Test
    void anApiClassThatImportsTheStoreFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(RowPeek.class, Rows.class);

        assertThatThrownBy(() -> ServiceLayout.of(SAMPLE).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("api imports only")
                .hasMessageContaining(RowPeek.class.getName());
    }
}
