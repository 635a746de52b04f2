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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads quantities as the client does, then shares one instance per written form among recent ones: a cluster's
 * requests and limits are a few values ("500m", "1Gi") repeated in every pod, StatefulSet and Notebook. The key is the
 * number with its scale and the format, since {@code Quantity.equals} ignores the format ("1Gi" equals "1073741824")
 * and sharing must not change how a quantity is written back. Only the last {@link #REMEMBERED} distinct ones are
 * remembered (forgotten all at once when full), as {@link CanonicalTimes} does.
 */
final class CanonicalQuantities implements TypeAdapterFactory {

    static final int REMEMBERED = 4096;

    private final Map<Form, Quantity> recent = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != Quantity.class) {
            return null;
        }
        TypeAdapter<Quantity> client = gson.getDelegateAdapter(this, TypeToken.get(Quantity.class));
        return (TypeAdapter<T>) new TypeAdapter<Quantity>() {
            @Override
            public void write(JsonWriter out, Quantity value) throws IOException {
                client.write(out, value);
            }

            @Override
            public Quantity read(JsonReader in) throws IOException {
                return canonical(client.read(in));
            }
        };
    }

    Quantity canonical(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        if (recent.size() >= REMEMBERED) {
            recent.clear();
        }
        Quantity known = recent.putIfAbsent(new Form(quantity.getNumber(), quantity.getFormat()), quantity);
        return known == null ? quantity : known;
    }

    // BigDecimal's equals compares the scale too, so 1 and 1.0 stay apart
    private record Form(BigDecimal number, Quantity.Format format) {}
}
