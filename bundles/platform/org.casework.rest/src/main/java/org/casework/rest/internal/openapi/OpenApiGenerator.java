package org.casework.rest.internal.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;

/**
 * Builds the OpenAPI 3.0.3 document of the API from what is registered right now: the JAX-RS
 * annotations of the resource classes and the fields of the case types. Nothing in it is written
 * by hand, so it cannot drift from the code.
 */
public final class OpenApiGenerator {

    /** Marks each operation with who may call it: public, authenticated, or roles. */
    public static final String ACCESS = "x-casework-access";
    /** The roles an operation with access {@code roles} requires (any one of them). */
    public static final String ROLES = "x-casework-roles";

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");
    private static final int MAX_LOCATOR_DEPTH = 4;

    private final String title;
    private final String version;

    public OpenApiGenerator(String title, String version) {
        this.title = title;
        this.version = version;
    }

    /** The document as nested maps and lists, ready for JSON serialisation. */
    public Map<String, Object> generate(Collection<Class<?>> resourceClasses,
            Collection<CaseTypeDefinition> caseTypes) {
        SchemaGenerator schemas = new SchemaGenerator();
        schemas.addComponent("Problem", problemSchema());
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        Set<String> operationIds = new TreeSet<>();
        Map<String, String> tags = new TreeMap<>();

        List<Class<?>> sorted = new ArrayList<>(resourceClasses);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            Path path = type.getAnnotation(Path.class);
            if (path == null) {
                continue;
            }
            String tag = tagOf(path.value(), type);
            Doc doc = type.getAnnotation(Doc.class);
            tags.merge(tag, doc == null ? "" : doc.value(),
                    (a, b) -> a.isEmpty() ? b : a);
            addOperations(type, join("", path.value()), tag, paths, operationIds, schemas, 0);
        }

        List<CaseTypeDefinition> types = new ArrayList<>(caseTypes);
        types.sort(Comparator.comparing(CaseTypeDefinition::key));
        for (CaseTypeDefinition definition : types) {
            schemas.addComponent("CaseFields." + definition.key(), caseFieldsSchema(definition));
        }

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", title);
        info.put("version", version);
        info.put("description", "Generated from the resources and case types installed now.");
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", RestConstants.BASE_PATH)));
        List<Map<String, Object>> tagList = new ArrayList<>();
        tags.forEach((name, description) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", name);
            if (!description.isEmpty()) {
                t.put("description", description);
            }
            tagList.add(t);
        });
        doc.put("tags", tagList);
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas.components());
        components.put("securitySchemes", securitySchemes());
        doc.put("components", components);
        return doc;
    }

    private void addOperations(Class<?> type, String basePath, String tag,
            Map<String, Map<String, Object>> paths, Set<String> operationIds,
            SchemaGenerator schemas, int depth) {
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName)
                .thenComparing(Method::getParameterCount));
        for (Method method : methods) {
            Method annotated = annotatedMethod(method);
            if (annotated == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            String fullPath = methodPath == null ? basePath : join(basePath, methodPath.value());
            String httpMethod = httpMethodOf(annotated);
            if (httpMethod == null) {
                // a sub-resource locator: document what the returned class serves
                if (methodPath != null && depth < MAX_LOCATOR_DEPTH
                        && method.getReturnType() != Object.class) {
                    addOperations(method.getReturnType(), fullPath, tag, paths, operationIds,
                            schemas, depth + 1);
                }
                continue;
            }
            Map<String, Object> operation = operation(type, method, annotated, tag, operationIds,
                    schemas);
            paths.computeIfAbsent(fullPath, p -> new TreeMap<>())
                    .put(httpMethod.toLowerCase(java.util.Locale.ROOT), operation);
        }
    }

    private Map<String, Object> operation(Class<?> type, Method method, Method annotated,
            String tag, Set<String> operationIds, SchemaGenerator schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(tag));
        Doc doc = annotated.getAnnotation(Doc.class);
        if (doc != null) {
            op.put("summary", doc.value());
        }
        String id = lowerFirst(type.getSimpleName()) + "." + method.getName();
        String unique = id;
        for (int i = 2; !operationIds.add(unique); i++) {
            unique = id + i;
        }
        op.put("operationId", unique);

        List<Map<String, Object>> parameters = new ArrayList<>();
        Map<String, Object> formProperties = new LinkedHashMap<>();
        Type bodyType = null;
        Parameter[] params = annotated.getParameters();
        Type[] generic = annotated.getGenericParameterTypes();
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            Type t = i < generic.length ? generic[i] : p.getType();
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(Suspended.class)
                    || p.isAnnotationPresent(BeanParam.class)
                    || p.isAnnotationPresent(MatrixParam.class)) {
                continue;
            }
            String in = null;
            String name = null;
            if (p.isAnnotationPresent(PathParam.class)) {
                in = "path";
                name = p.getAnnotation(PathParam.class).value();
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                in = "query";
                name = p.getAnnotation(QueryParam.class).value();
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                in = "header";
                name = p.getAnnotation(HeaderParam.class).value();
            } else if (p.isAnnotationPresent(CookieParam.class)) {
                in = "cookie";
                name = p.getAnnotation(CookieParam.class).value();
            } else if (p.isAnnotationPresent(FormParam.class)) {
                formProperties.put(p.getAnnotation(FormParam.class).value(), schemas.schemaFor(t));
                continue;
            } else {
                bodyType = t;
                continue;
            }
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", name);
            param.put("in", in);
            if ("path".equals(in)) {
                param.put("required", true);
            }
            Map<String, Object> schema = new LinkedHashMap<>(schemas.schemaFor(t));
            DefaultValue dv = p.getAnnotation(DefaultValue.class);
            if (dv != null) {
                schema.put("default", dv.value());
            }
            param.put("schema", schema);
            parameters.add(param);
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        List<String> consumes = mediaTypes(annotated.getAnnotation(Consumes.class),
                type.getAnnotation(Consumes.class));
        if (bodyType != null) {
            Map<String, Object> content = new LinkedHashMap<>();
            Map<String, Object> bodySchema = schemas.schemaFor(bodyType);
            for (String mediaType : consumes) {
                content.put(mediaType, Map.of("schema", bodySchema));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("required", true);
            body.put("content", content);
            op.put("requestBody", body);
        } else if (!formProperties.isEmpty()) {
            Map<String, Object> formSchema = SchemaGenerator.typed("object");
            formSchema.put("properties", formProperties);
            op.put("requestBody", Map.of("content", Map.of(
                    MediaType.APPLICATION_FORM_URLENCODED, Map.of("schema", formSchema))));
        }

        Map<String, Object> responses = new LinkedHashMap<>();
        Class<?> returns = annotated.getReturnType();
        if (returns == void.class || returns == Void.class) {
            responses.put("204", Map.of("description", "Done; no content."));
        } else if (Response.class.isAssignableFrom(returns)) {
            responses.put("2XX", Map.of("description", "Success."));
        } else {
            Map<String, Object> schema = schemas.schemaFor(annotated.getGenericReturnType());
            Map<String, Object> content = new LinkedHashMap<>();
            for (String mediaType : mediaTypes(annotated.getAnnotation(Produces.class),
                    type.getAnnotation(Produces.class))) {
                content.put(mediaType, Map.of("schema", schema));
            }
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("description", "Success.");
            ok.put("content", content);
            responses.put("200", ok);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("description", "An error, as a problem document.");
        problem.put("content", Map.of(RestConstants.PROBLEM_JSON, Map.of("schema",
                Map.of("$ref", SchemaGenerator.REF_PREFIX + "Problem"))));
        responses.put("default", problem);
        op.put("responses", responses);

        boolean isPublic = annotated.isAnnotationPresent(PublicEndpoint.class)
                || type.isAnnotationPresent(PublicEndpoint.class);
        RequiresRole roles = annotated.isAnnotationPresent(RequiresRole.class)
                ? annotated.getAnnotation(RequiresRole.class)
                : annotated.isAnnotationPresent(RequiresPermission.class) ? null
                : type.getAnnotation(RequiresRole.class);
        if (isPublic) {
            op.put(ACCESS, "public");
            op.put("security", List.of());
        } else {
            RequiresPermission permissions = annotated.isAnnotationPresent(RequiresPermission.class)
                    ? annotated.getAnnotation(RequiresPermission.class)
                    : annotated.isAnnotationPresent(RequiresRole.class) ? null
                    : type.getAnnotation(RequiresPermission.class);
            if (permissions != null) {
                op.put("x-casework-permissions", List.of(permissions.value()));
            }
            if (roles != null) {
                op.put(ACCESS, "roles");
                op.put(ROLES, List.of(roles.value()));
            } else if (permissions != null) {
                op.put(ACCESS, "permissions");
            } else {
                op.put(ACCESS, "authenticated");
            }
            op.put("security", List.of(Map.of("basicAuth", List.of()),
                    Map.of("bearerAuth", List.of()), Map.of("sessionCookie", List.of())));
        }
        return op;
    }

    /**
     * The method carrying the JAX-RS annotations: the method itself, or the one it implements in
     * a superclass or interface (JAX-RS annotation inheritance). Null when none is annotated.
     */
    static Method annotatedMethod(Method method) {
        if (isJaxRs(method)) {
            return method;
        }
        for (Class<?> c = method.getDeclaringClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(c)) {
                try {
                    Method m = candidate.getMethod(method.getName(), method.getParameterTypes());
                    if (isJaxRs(m)) {
                        return m;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return null;
    }

    private static List<Class<?>> withInterfaces(Class<?> c) {
        List<Class<?>> all = new ArrayList<>();
        all.add(c);
        all.addAll(Arrays.asList(c.getInterfaces()));
        return all;
    }

    private static boolean isJaxRs(Method m) {
        return m.isAnnotationPresent(Path.class) || httpMethodOf(m) != null;
    }

    static String httpMethodOf(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static List<String> mediaTypes(Consumes onMethod, Consumes onType) {
        String[] values = onMethod != null ? onMethod.value() : onType != null ? onType.value() : null;
        return split(values);
    }

    private static List<String> mediaTypes(Produces onMethod, Produces onType) {
        String[] values = onMethod != null ? onMethod.value() : onType != null ? onType.value() : null;
        return split(values);
    }

    private static List<String> split(String[] values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    String mediaType = part.strip();
                    int semicolon = mediaType.indexOf(';');
                    if (semicolon > 0) {
                        mediaType = mediaType.substring(0, semicolon).strip();
                    }
                    if (!mediaType.isEmpty() && !result.contains(mediaType)) {
                        result.add(mediaType);
                    }
                }
            }
        }
        if (result.isEmpty()) {
            result.add(MediaType.APPLICATION_JSON);
        }
        return result;
    }

    /** Joins path segments as {@code /a/b}, with templates reduced to their names. */
    static String join(String base, String more) {
        StringBuilder sb = new StringBuilder();
        for (String part : (base + "/" + more).split("/")) {
            if (!part.isBlank()) {
                sb.append('/').append(part.strip());
            }
        }
        String path = sb.length() == 0 ? "/" : sb.toString();
        Matcher m = TEMPLATE.matcher(path);
        return m.replaceAll(r -> "{" + Matcher.quoteReplacement(r.group(1)) + "}");
    }

    private static String tagOf(String path, Class<?> type) {
        for (String part : path.split("/")) {
            if (!part.isBlank() && !part.contains("{")) {
                int dot = part.indexOf('.');
                return dot > 0 ? part.substring(0, dot) : part;
            }
        }
        return lowerFirst(type.getSimpleName());
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("basicAuth", Map.of("type", "http", "scheme", "basic"));
        schemes.put("bearerAuth", Map.of("type", "http", "scheme", "bearer",
                "description", "An API token from POST /tokens."));
        Map<String, Object> cookie = new LinkedHashMap<>();
        cookie.put("type", "apiKey");
        cookie.put("in", "cookie");
        cookie.put("name", RestConstants.SESSION_COOKIE);
        cookie.put("description", "A console session from POST /session; state-changing requests "
                + "must also send the session's CSRF token in the " + RestConstants.CSRF_HEADER
                + " header.");
        schemes.put("sessionCookie", cookie);
        return schemes;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> fieldError = SchemaGenerator.typed("object");
        Map<String, Object> feProps = new LinkedHashMap<>();
        feProps.put("field", SchemaGenerator.typed("string"));
        feProps.put("rule", SchemaGenerator.typed("string"));
        feProps.put("message", SchemaGenerator.typed("string"));
        fieldError.put("properties", feProps);

        Map<String, Object> schema = SchemaGenerator.typed("object");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", SchemaGenerator.typed("string", "uri"));
        props.put("title", SchemaGenerator.typed("string"));
        props.put("status", SchemaGenerator.typed("integer", "int32"));
        props.put("detail", SchemaGenerator.typed("string"));
        Map<String, Object> errors = SchemaGenerator.typed("array");
        errors.put("items", fieldError);
        props.put("errors", errors);
        schema.put("properties", props);
        schema.put("required", List.of("type", "title", "status"));
        return schema;
    }

    /** The JSON schema of the {@code fields} object of one case type. */
    static Map<String, Object> caseFieldsSchema(CaseTypeDefinition definition) {
        Map<String, Object> schema = SchemaGenerator.typed("object");
        schema.put("title", definition.label());
        schema.put("x-casework-case-type", definition.key());
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            properties.put(field.key(), fieldSchema(field));
            if (field.required()) {
                required.add(field.key());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> fieldSchema(FieldDefinition field) {
        Map<String, Object> s;
        switch (field.type()) {
            case TEXT, LONG_TEXT, PHONE, A_NUMBER -> {
                s = SchemaGenerator.typed("string");
                s.put("maxLength", field.effectiveMaxLength());
            }
            case EMAIL -> {
                s = SchemaGenerator.typed("string", "email");
                s.put("maxLength", field.effectiveMaxLength());
            }
            case NUMBER -> {
                s = SchemaGenerator.typed("number");
                if (field.min() != null) {
                    s.put("minimum", field.min());
                }
                if (field.max() != null) {
                    s.put("maximum", field.max());
                }
            }
            case DATE -> s = SchemaGenerator.typed("string", "date");
            case BOOLEAN -> s = SchemaGenerator.typed("boolean");
            case ENUM -> {
                s = SchemaGenerator.typed("string");
                s.put("enum", field.options());
            }
            case PERSON -> {
                s = SchemaGenerator.typed("object");
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("fullName", SchemaGenerator.typed("string"));
                p.put("dateOfBirth", SchemaGenerator.typed("string", "date"));
                Map<String, Object> aliases = SchemaGenerator.typed("array");
                aliases.put("items", SchemaGenerator.typed("string"));
                p.put("aliases", aliases);
                s.put("properties", p);
            }
            case ADDRESS -> {
                s = SchemaGenerator.typed("object");
                Map<String, Object> p = new LinkedHashMap<>();
                for (String part : List.of("line1", "line2", "city", "state", "postalCode",
                        "country")) {
                    p.put(part, SchemaGenerator.typed("string"));
                }
                s.put("properties", p);
            }
            case CASE_REFERENCE -> s = SchemaGenerator.typed("integer", "int64");
            default -> s = new LinkedHashMap<>();
        }
        s.put("title", field.label());
        if (field.help() != null) {
            s.put("description", field.help());
        }
        return s;
    }
}
