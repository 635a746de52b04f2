package dev.notebooks.auth.api;

import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link TestHttp} from a client address, keeping every answer's headers and body text for the secret scan. */
final class Http {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** The headers and body of every answer any test got. */
    static final List<String> ANSWERS = new CopyOnWriteArrayList<>();

    private final TestHttp http;

    Http(HttpClient client, JsonMapper json) {
        this.http = new TestHttp(client, json);
    }

    TestHttp.Reply as(@Nullable String user, MutableHttpRequest<?> request) {
        return as(user, "127.0.0.1", request);
    }

    TestHttp.Reply as(@Nullable String user, String address, MutableHttpRequest<?> request) {
        request.header(FORWARDED_FOR, address);
        TestHttp.Reply reply = http.as(user, request);
        ANSWERS.add(reply.headers() + "\n" + reply.text());
        return reply;
    }
}
