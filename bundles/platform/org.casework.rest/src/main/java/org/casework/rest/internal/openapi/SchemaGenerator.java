package org.casework.rest.internal.openapi;

import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Derives simple JSON schemas from Java types the way Jackson writes them: records by their
 * components, other classes by their public getters. Named, non-generic classes become shared
 * component schemas referenced by {@code $ref}; generic ones (such as {@code Page<T>}) are inlined
 * with their type arguments resolved. Not thread-safe: one instance per document.
 */
final class SchemaGenerator {

    private static final int MAX_DEPTH = 12;
    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** The component schemas collected so far, by name. */
    Map<String, Object> components() {
        return components;
    }

    /** Adds a hand-built component schema (problem documents, case type fields). */
    void addComponent(String name, Map<String, Object> schema) {
        components.put(name, schema);
    }

    /** A schema for the type, or a {@code $ref} to a component schema. */
    Map<String, Object> schemaFor(Type type) {
        return schemaFor(type, Map.of(), 0);
    }

    private Map<String, Object> schemaFor(Type type, Map<TypeVariable<?>, Type> bindings, int depth) {
        if (depth > MAX_DEPTH) {
            return new LinkedHashMap<>();
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound == null ? new LinkedHashMap<>() : schemaFor(bound, Map.of(), depth + 1);
        }
        if (type instanceof WildcardType wildcard) {
            Type[] upper = wildcard.getUpperBounds();
            return schemaFor(upper.length == 0 ? Object.class : upper[0], bindings, depth + 1);
        }
        if (type instanceof GenericArrayType array) {
            return array(schemaFor(array.getGenericComponentType(), bindings, depth + 1), false);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            Map<TypeVariable<?>, Type> resolved = new HashMap<>();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length && i < args.length; i++) {
                resolved.put(variables[i], resolve(args[i], bindings));
            }
            if (Optional.class.equals(raw)) {
                return schemaFor(args[0], bindings, depth + 1);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schemaFor(args[0], bindings, depth + 1), Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> map = typed("object");
                map.put("additionalProperties", args.length > 1
                        ? schemaFor(args[1], bindings, depth + 1) : new LinkedHashMap<>());
                return map;
            }
            return objectSchema(raw, resolved, depth);
        }
        if (!(type instanceof Class<?> c)) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> simple = simpleSchema(c);
        if (simple != null) {
            return simple;
        }
        if (c.isArray()) {
            return array(schemaFor(c.getComponentType(), bindings, depth + 1), false);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return array(new LinkedHashMap<>(), Set.class.isAssignableFrom(c));
        }
        if (Map.class.isAssignableFrom(c)) {
            Map<String, Object> map = typed("object");
            map.put("additionalProperties", new LinkedHashMap<>());
            return map;
        }
        if (c.getTypeParameters().length > 0) {
            return objectSchema(c, Map.of(), depth);
        }
        String name = names.get(c);
        if (name == null) {
            name = uniqueName(c);
            names.put(c, name);
            // registered before the properties are built, so self-references end in a $ref
            components.put(name, new LinkedHashMap<>());
            components.put(name, objectSchema(c, Map.of(), depth));
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("$ref", REF_PREFIX + name);
        return ref;
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v && bindings.containsKey(v)) {
            return bindings.get(v);
        }
        return type;
    }

    private Map<String, Object> objectSchema(Class<?> c, Map<TypeVariable<?>, Type> bindings,
            int depth) {
        Map<String, Object> schema = typed("object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (ignored(accessor) || component.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                String name = jsonName(component.getName(), accessor, component.getAnnotation(
                        JsonProperty.class));
                properties.put(name, schemaFor(component.getGenericType(), bindings, depth + 1));
                if (component.getType().isPrimitive()) {
                    required.add(name);
                }
            }
        } else if (!c.getName().startsWith("java.")) {
            Method[] methods = c.getMethods();
            java.util.Arrays.sort(methods, java.util.Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String property = propertyName(m);
                if (property == null || ignored(m)) {
                    continue;
                }
                properties.put(jsonName(property, m, null),
                        schemaFor(m.getGenericReturnType(), bindings, depth + 1));
            }
        }
        if (!properties.isEmpty()) {
            schema.put("properties", properties);
        }
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static boolean ignored(Method m) {
        JsonIgnore ignore = m.getAnnotation(JsonIgnore.class);
        return ignore != null && ignore.value();
    }

    private static String jsonName(String name, Method accessor, JsonProperty onComponent) {
        JsonProperty p = onComponent != null ? onComponent
                : accessor == null ? null : accessor.getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : name;
    }

    private static String propertyName(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
                || m.getDeclaringClass() == Object.class || m.getReturnType() == void.class) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    private String uniqueName(Class<?> c) {
        String base = c.getSimpleName().isEmpty() ? "Anonymous" : c.getSimpleName();
        if (components.containsKey(base) && c.getEnclosingClass() != null) {
            base = c.getEnclosingClass().getSimpleName() + "." + base;
        }
        String name = base;
        for (int i = 2; components.containsKey(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** Schemas of scalar types; null for structured ones. */
    static Map<String, Object> simpleSchema(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class) {
            return typed("string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return typed("boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class
                || c == byte.class || c == Byte.class) {
            return typed("integer", "int32");
        }
        if (c == long.class || c == Long.class) {
            return typed("integer", "int64");
        }
        if (c == BigInteger.class) {
            return typed("integer");
        }
        if (c == float.class || c == Float.class) {
            return typed("number", "float");
        }
        if (c == double.class || c == Double.class) {
            return typed("number", "double");
        }
        if (c == BigDecimal.class || c == Number.class) {
            return typed("number");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class
                || c == LocalDateTime.class || c == java.util.Date.class) {
            return typed("string", "date-time");
        }
        if (c == LocalDate.class) {
            return typed("string", "date");
        }
        if (c == LocalTime.class) {
            return typed("string", "time");
        }
        if (c == Duration.class) {
            return typed("string", "duration");
        }
        if (c == UUID.class) {
            return typed("string", "uuid");
        }
        if (c == URI.class || c == URL.class) {
            return typed("string", "uri");
        }
        if (c == byte[].class || InputStream.class.isAssignableFrom(c)) {
            return typed("string", "binary");
        }
        if (c.isEnum()) {
            Map<String, Object> schema = typed("string");
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            schema.put("enum", values);
            return schema;
        }
        if (c == Object.class || c.getName().startsWith("com.fasterxml.jackson.databind.")) {
            return new LinkedHashMap<>();
        }
        return null;
    }

    static Map<String, Object> typed(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    static Map<String, Object> typed(String type, String format) {
        Map<String, Object> schema = typed(type);
        schema.put("format", format);
        return schema;
    }

    private static Map<String, Object> array(Map<String, Object> items, boolean unique) {
        Map<String, Object> schema = typed("array");
        schema.put("items", items);
        if (unique) {
            schema.put("uniqueItems", true);
        }
        return schema;
    }
}
