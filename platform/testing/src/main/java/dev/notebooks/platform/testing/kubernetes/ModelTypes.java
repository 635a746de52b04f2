package dev.notebooks.platform.testing.kubernetes;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of built-in kinds, read from client-java's model classes ({@code V1Pod}, {@code V1Container}, ...):
 * which JSON members a type has and what each holds. Strategic merge patch and the OpenAPI documents both stand on
 * it, so neither repeats a schema of Kubernetes by hand.
 */
final class ModelTypes {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final Map<Class<?>, Map<String, Member>> MEMBERS = new ConcurrentHashMap<>();

    private ModelTypes() {}

    /** One JSON member of a model: its Java type, and for a list or map the type of what it holds. */
    record Member(String json, Class<?> type, Class<?> element) {

        boolean isList() {
            return List.class.isAssignableFrom(type);
        }

        boolean isMap() {
            return Map.class.isAssignableFrom(type);
        }
    }

    static Optional<Class<?>> model(String simpleName) {
        try {
            return Optional.of(Class.forName(MODELS + simpleName));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    static boolean isModel(Class<?> type) {
        return type != null && type.getName().startsWith(MODELS);
    }

    /** The JSON members of a model class, in declaration order. */
    static Map<String, Member> members(Class<?> model) {
        return MEMBERS.computeIfAbsent(model, ModelTypes::read);
    }

    static Optional<Member> member(Class<?> model, String json) {
        return model == null
                ? Optional.empty()
                : Optional.ofNullable(members(model).get(json));
    }

    private static Map<String, Member> read(Class<?> model) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            members.put(name.value(), new Member(name.value(), field.getType(), elementOf(field.getGenericType())));
        }
        return members;
    }

    private static Class<?> elementOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            Type last = arguments[arguments.length - 1];
            if (last instanceof Class<?> element) {
                return element;
            }
            if (last instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> raw) {
                return raw;
            }
        }
        return null;
    }
}
