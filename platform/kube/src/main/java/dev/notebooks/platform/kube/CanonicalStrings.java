package dev.notebooks.platform.kube;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Reads every JSON string of a Kubernetes object as the JVM's one copy of it ({@link String#intern()}), as Gson's own
 * string adapter would read it otherwise. The informer caches hold hundreds of thousands of strings, most of them the
 * same few (namespaces, label keys and values, kinds, API versions, field managers, event reasons): with 1,000
 * notebooks cached, strings were 39 MiB of a 84 MiB heap (issue 13's memory benchmark). Interned strings are dropped
 * by the GC once no object holds them; long ones (messages, annotations holding documents) are rarely repeated and
 * stay as read.
 */
final class CanonicalStrings extends TypeAdapter<String> {

    static final int LONGEST_INTERNED = 128;

    @Override
    public void write(JsonWriter out, String value) throws IOException {
        out.value(value);
    }

    @Override
    public String read(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        if (token == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        String value = token == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
        return value.length() <= LONGEST_INTERNED ? value.intern() : value;
    }
}
