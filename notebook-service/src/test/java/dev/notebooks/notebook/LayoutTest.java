package dev.notebooks.notebook;

import dev.notebooks.platform.web.layout.ServiceLayout;
import org.junit.jupiter.api.Test;

/** The folder rules of ARCHITECTURE.md hold in this service (what each package may import). */
class LayoutTest {

    @Test
    void packagesImportOnlyWhatTheLayoutAllows() {
        ServiceLayout.of("dev.notebooks.notebook").check();
    }
}
