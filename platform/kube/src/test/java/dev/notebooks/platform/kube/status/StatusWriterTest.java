package dev.notebooks.platform.kube.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class StatusWriterTest {

    @Test
    void theStatusIsReplacedWholeBoundToTheResourceVersionItWasComputedFrom() {
        assertThat(StatusWriter.patch(
                        "9", JsonParser.parseString("{\"phase\":\"Active\"}").getAsJsonObject()))
                .hasToString("[{\"op\":\"add\",\"path\":\"/metadata/resourceVersion\",\"value\":\"9\"},"
                        + "{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"phase\":\"Active\"}}]");
    }
}
