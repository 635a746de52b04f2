package dev.notebooks.platform.web.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * A container health check that needs nothing but the service's own image: the images hold a Java runtime and the
 * service's classpath, no shell, curl or wget. docker-compose.yml runs it as
 * {@code java -cp @/app/jib-classpath-file dev.notebooks.platform.web.probe.HealthProbe http://127.0.0.1:8081/health/readiness}.
 *
 * <p>Exit status 0 when the URL answers 2xx (every URL, when given several: the one-JVM suite's five services), 1 for
 * any other answer or none within the timeouts (printed on stderr), 2 for a wrong command line. Plain {@link HttpURLConnection}: no Micronaut context, so it starts in a fraction of a
 * second.
 */
public final class HealthProbe {

    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 3_000;

    private HealthProbe() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** @return the process exit status for these arguments (the URLs to probe, each of which must answer). */
    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: HealthProbe <http URL>..., e.g. http://127.0.0.1:8081/health/readiness");
            return 2;
        }
        List<URL> urls = new ArrayList<>();
        for (String arg : args) {
            try {
                URI uri = URI.create(arg);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                urls.add(uri.toURL());
            } catch (IllegalArgumentException | IOException e) {
                System.err.println("HealthProbe: " + arg + " is not an http(s) URL: " + e.getMessage());
                return 2;
            }
        }
        for (URL url : urls) {
            int status = probe(url);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    private static int probe(URL url) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            if (status >= 200 && status < 300) {
                return 0;
            }
            System.err.println("HealthProbe: " + url + " answered " + status);
            return 1;
        } catch (IOException e) {
            System.err.println("HealthProbe: " + url + " did not answer: " + e);
            return 1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(InputStream body) throws IOException {
        if (body != null) {
            try (body) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }
}
