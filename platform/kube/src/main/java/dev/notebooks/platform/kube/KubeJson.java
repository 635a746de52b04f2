package dev.notebooks.platform.kube;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes objects as JSON trees, through the official client's Gson (its date, quantity and byte formats), which,
 * once this class is loaded, keeps {@code metadata.managedFields} ({@link ManagedFieldsAdapterFactory}) and reads each
 * string as its one canonical copy ({@link CanonicalStrings}) and recent timestamps and quantities as shared instances
 * ({@link CanonicalValues}).
 *
 * <p>The client's own Gson adds a type adapter per model (about 650), each asked in turn about every type looked up:
 * the first lookup loads every model class (~600 classes, 7 MiB of class metadata in each service), and each model's
 * adapter refuses a field its model does not know, at any depth, so an API server newer than the client breaks every
 * read. This Gson reads models field by field as Gson does (an unknown field is skipped, as kubectl and Go clients do),
 * so only the models a service uses are loaded.
 */
public final class KubeJson {

    /** The client's timestamp format: RFC 3339 in UTC, microseconds optional. */
    private static final DateTimeFormatter RFC3339_MICROS = new DateTimeFormatterBuilder()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .append(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
            .optionalEnd()
            .appendLiteral("Z")
            .toFormatter();

    static {
        // every client in the process (informers included) reads through this Gson from here on
        JSON.setGson(JSON.createGson()
                .registerTypeAdapter(Date.class, new JSON.DateTypeAdapter())
                .registerTypeAdapter(java.sql.Date.class, new JSON.SqlDateTypeAdapter())
                .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter(RFC3339_MICROS))
                .registerTypeAdapter(LocalDate.class, new JSON.LocalDateTypeAdapter())
                .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
                .registerTypeAdapterFactory(new ManagedFieldsAdapterFactory())
                .registerTypeAdapter(String.class, new CanonicalStrings().nullSafe())
                .registerTypeAdapterFactory(CanonicalValues.times())
                .registerTypeAdapterFactory(CanonicalValues.quantities())
                .create());
    }

    private KubeJson() {}

    /** Makes sure the client reads and writes through this class's Gson; call before any object is read. */
    public static void install() {
        // the static initializer did it
    }

    public static Gson gson() {
        return JSON.getGson();
    }

    public static JsonObject tree(Object object) {
        return gson().toJsonTree(object).getAsJsonObject();
    }

    public static JsonElement element(Object value) {
        return gson().toJsonTree(value);
    }

    public static <T> T fromTree(JsonElement tree, Class<T> type) {
        return gson().fromJson(tree, type);
    }

    /**
     * Reads what a person wrote (a form's volume, the spawner configuration) strictly, as the client's own adapters
     * read everything: a field the model does not know, at any depth, or a missing required one is refused, so a typo
     * is an error and not a setting silently dropped.
     *
     * @throws RefusedField naming the field at fault and the model it was read as (never echoing the input)
     */
    public static <T> T fromTreeStrictly(JsonElement tree, Class<T> type) {
        try {
            type.getMethod("validateJsonElement", JsonElement.class).invoke(null, tree);
        } catch (InvocationTargetException e) {
            throw RefusedField.of(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " is not one of the client's models", e);
        }
        return fromTree(tree, type);
    }

    /** A field the model refused: "unknown field `resoures` in PersistentVolumeClaimSpec". */
    public static final class RefusedField extends IllegalArgumentException {

        private static final Pattern UNKNOWN =
                Pattern.compile("The field `([^`]*)` in the JSON string is not defined in the `([^`]*)` properties");
        private static final Pattern MISSING = Pattern.compile("The required field `([^`]*)` is not found");
        private static final Pattern WRONG_TYPE = Pattern.compile("Expected the field `([^`]*)` to be");

        private RefusedField(String message, Throwable cause) {
            super(message, cause);
        }

        static RefusedField of(Throwable refusal) {
            String message = refusal.getMessage() == null ? "" : refusal.getMessage();
            Matcher unknown = UNKNOWN.matcher(message);
            if (unknown.find()) {
                return new RefusedField(
                        "unknown field `" + unknown.group(1) + "` in " + modelName(unknown.group(2)), refusal);
            }
            Matcher missing = MISSING.matcher(message);
            if (missing.find()) {
                return new RefusedField("missing required field `" + missing.group(1) + "`", refusal);
            }
            Matcher wrongType = WRONG_TYPE.matcher(message);
            if (wrongType.find()) {
                return new RefusedField("field `" + wrongType.group(1) + "` has the wrong type", refusal);
            }
            return new RefusedField("not a valid object", refusal);
        }

        // V1PersistentVolumeClaimSpec -> PersistentVolumeClaimSpec, as the Kubernetes API names it
        private static String modelName(String className) {
            return className.replaceFirst("^V\\d+(?:alpha\\d+|beta\\d+)?(?=[A-Z])", "");
        }
    }

    /** A deep copy, so an object from an informer's cache can be changed without changing the cache. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T object) {
        return object == null ? null : (T) fromTree(element(object), object.getClass());
    }
}
