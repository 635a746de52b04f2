package dev.notebooks.platform.kube;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads values of one immutable type as the client does, then shares one instance per key among recent ones. Only the
 * last {@link #REMEMBERED} distinct keys are remembered (forgotten all at once when full), so the table stays small
 * however long the service runs.
 */
final class CanonicalValues<V> implements TypeAdapterFactory {

    static final int REMEMBERED = 4096;

    private final Class<V> type;
    private final Function<V, Object> key;
    private final Map<Object, V> recent = new ConcurrentHashMap<>();

    private CanonicalValues(Class<V> type, Function<V, Object> key) {
        this.type = type;
        this.key = key;
    }

    /**
     * One instance per instant: an object repeats its times (creation, each field manager's write, its conditions'
     * transitions) and objects made together share them; with 1,000 notebooks cached, 78,000 timestamps of four objects
     * each held 7 MiB.
     */
    static CanonicalValues<OffsetDateTime> times() {
        return new CanonicalValues<>(OffsetDateTime.class, time -> time);
    }

    /**
     * One instance per written form: a cluster's requests and limits are a few values ("500m", "1Gi") repeated in every
     * pod, StatefulSet and Notebook. The key is the number with its scale and the format, since {@code Quantity.equals}
     * ignores the format ("1Gi" equals "1073741824") and sharing must not change how a quantity is written back.
     */
    static CanonicalValues<Quantity> quantities() {
        return new CanonicalValues<>(Quantity.class, quantity -> new Form(quantity.getNumber(), quantity.getFormat()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> requested) {
        if (requested.getRawType() != type) {
            return null;
        }
        TypeAdapter<V> client = gson.getDelegateAdapter(this, TypeToken.get(type));
        return (TypeAdapter<T>) new TypeAdapter<V>() {
            @Override
            public void write(JsonWriter out, V value) throws IOException {
                client.write(out, value);
            }

            @Override
            public V read(JsonReader in) throws IOException {
                return canonical(client.read(in));
            }
        };
    }

    V canonical(V value) {
        if (value == null) {
            return null;
        }
        if (recent.size() >= REMEMBERED) {
            recent.clear();
        }
        V known = recent.putIfAbsent(key.apply(value), value);
        return known == null ? value : known;
    }

    // BigDecimal's equals compares the scale too, so 1 and 1.0 stay apart
    private record Form(BigDecimal number, Quantity.Format format) {}
}
