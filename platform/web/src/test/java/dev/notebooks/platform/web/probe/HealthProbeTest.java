package dev.notebooks.platform.web.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/readiness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health/down", exchange -> answer(exchange, 503, "{\"status\":\"DOWN\"}"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/health/readiness");
            answer(exchange, 302, "");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aReadyServiceIsHealthy() {
        assertThat(HealthProbe.run(new String[] {url("/health/readiness")})).isZero();
    }

    @Test
    void aServiceAnsweringDownIsUnhealthy() {
        assertThat(HealthProbe.run(new String[] {url("/health/down")})).isEqualTo(1);
    }

    @Test
    void withSeveralUrlsEveryOneMustAnswer() {
        assertThat(HealthProbe.run(new String[] {url("/health/readiness"), url("/health/readiness")}))
                .isZero();
        assertThat(HealthProbe.run(new String[] {url("/health/readiness"), url("/health/down")}))
                .isEqualTo(1);
        assertThat(HealthProbe.run(new String[] {url("/health/down"), url("/health/readiness")}))
                .isEqualTo(1);
    }

    @Test
    void aRedirectIsNotTakenForHealth() {
        assertThat(HealthProbe.run(new String[] {url("/moved")})).isEqualTo(1);
    }

    @Test
    void noServiceListeningIsUnhealthy() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        assertThat(HealthProbe.run(new String[] {"http://127.0.0.1:" + freePort + "/health/readiness"}))
                .isEqualTo(1);
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(HealthProbe.run(new String[] {})).isEqualTo(2);
        assertThat(HealthProbe.run(new String[] {"ftp://127.0.0.1/health"})).isEqualTo(2);
        assertThat(HealthProbe.run(new String[] {"a", "b"})).isEqualTo(2);
        assertThat(HealthProbe.run(new String[] {url("/health/readiness"), "ftp://127.0.0.1/health"}))
                .as("every URL is checked before any is asked")
                .isEqualTo(2);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
