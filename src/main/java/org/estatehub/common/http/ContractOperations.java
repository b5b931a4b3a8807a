package org.estatehub.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operations of the contract (openapi/estatehub.yaml, packaged as META-INF/openapi-contract) as the
 * service itself needs them at run time: each operation's declared query and path parameters with their
 * schemas, and the media types it reads and answers. The generated JAX-RS interfaces lose part of this
 * (an inline enum becomes a plain String, a repeated parameter silently keeps its first value), so the
 * rules that depend on it are enforced from the contract itself rather than restated in Java.
 */
public final class ContractOperations {

    static final String RESOURCE = "META-INF/openapi-contract/estatehub.yaml";

    /** A declared parameter; {@code schema} has its $refs (and a single-entry allOf) resolved. */
    public record Parameter(String name, String in, JsonNode schema) {

        public boolean repeatable() {
            return "array".equals(schema.path("type").asText());
        }
    }

    public record Operation(String method, String template, Pattern pattern, List<Parameter> parameters,
            List<String> requestMediaTypes, List<String> responseMediaTypes) {

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    /** A path of the contract and the methods it declares operations for (upper case, contract order). */
    public record PathMethods(String template, Pattern pattern, List<String> methods) {
    }

    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("get", "put", "post", "delete",
            "options", "head", "patch", "trace");

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");

    private static volatile ContractOperations instance;

    private final List<Operation> operations;

    /**
     * The paths by their first segment ("assets" for /assets/{assetId}), each list in matching order, so
     * that the 405 check of every request tries a handful of patterns rather than all of them.
     */
    private final Map<String, List<PathMethods>> pathsByFirstSegment;

    private ContractOperations(List<Operation> operations, List<PathMethods> paths) {
        this.operations = operations;
        Map<String, List<PathMethods>> bySegment = new java.util.HashMap<>();
        for (PathMethods path : paths) {
            bySegment.computeIfAbsent(firstSegment(path.template()), k -> new ArrayList<>()).add(path);
        }
        bySegment.replaceAll((segment, list) -> List.copyOf(list));
        this.pathsByFirstSegment = Map.copyOf(bySegment);
        if (pathsByFirstSegment.keySet().stream().anyMatch(segment -> segment.startsWith("{"))) {
            throw new IllegalStateException("A contract path starting with a template variable needs another index");
        }
    }

    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    public static ContractOperations get() {
        ContractOperations loaded = instance;
        if (loaded == null) {
            synchronized (ContractOperations.class) {
                if (instance == null) {
                    instance = load();
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    /** The contract's operation for this method and (decoded, base-relative) path, if it declares one. */
    public Optional<Operation> find(String method, String path) {
        for (Operation operation : operations) {
            if (operation.method().equalsIgnoreCase(method) && operation.pattern().matcher(path).matches()) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /**
     * The contract's path that this (decoded, base-relative) path is, if any: a literal path wins over a
     * template, as in OpenAPI's own matching (/assets/export is not /assets/{assetId}).
     */
    public Optional<PathMethods> path(String path) {
        for (PathMethods candidate : pathsByFirstSegment.getOrDefault(firstSegment(path), List.of())) {
            if (candidate.pattern().matcher(path).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ContractOperations load() {
        JsonNode root;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The contract " + RESOURCE + " is not on the class path");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        List<PathMethods> pathMethods = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            List<String> methods = new ArrayList<>();
            item.fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    methods.add(name.toUpperCase());
                }
            });
            pathMethods.add(new PathMethods(path.getKey(), pattern(path.getKey()), List.copyOf(methods)));
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                // Operation-level parameters override path-level ones of the same name and location.
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode list : List.of(item.path("parameters"), op.getValue().path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode resolved = resolve(root, p);
                        Parameter parameter = new Parameter(resolved.path("name").asText(),
                                resolved.path("in").asText(), schema(root, resolved.path("schema")));
                        parameters.put(parameter.in() + ":" + parameter.name(), parameter);
                    }
                }
                List<String> requestTypes = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(requestTypes::add);
                List<String> responseTypes = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                        responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("2")) {
                        resolve(root, response.getValue()).path("content").fieldNames().forEachRemaining(type -> {
                            if (!responseTypes.contains(type)) {
                                responseTypes.add(type);
                            }
                        });
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), pattern(path.getKey()),
                        List.copyOf(parameters.values()), List.copyOf(requestTypes), List.copyOf(responseTypes)));
            }
        }
        // A literal segment wins over a template variable (/assets/export before /assets/{assetId}).
        operations.sort(Comparator.comparingInt((Operation o) -> variables(o.template()))
                .thenComparing(o -> -o.template().length()));
        pathMethods.sort(Comparator.comparingInt((PathMethods p) -> variables(p.template()))
                .thenComparing(p -> -p.template().length()));
        return new ContractOperations(List.copyOf(operations), List.copyOf(pathMethods));
    }

    private static int variables(String template) {
        Matcher m = TEMPLATE_VARIABLE.matcher(template);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TEMPLATE_VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex + "/?");
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local $refs are supported in the contract: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    private static JsonNode schema(JsonNode root, JsonNode schema) {
        JsonNode resolved = resolve(root, schema);
        JsonNode allOf = resolved.path("allOf");
        if (allOf.isArray() && allOf.size() == 1) {
            return resolve(root, allOf.get(0));
        }
        // A repeatable parameter's items are checked one by one (ParameterRules), so they need their
        // schema too, not a $ref to it: `type=PIRATES` on a list of enum values must name `type`.
        if (resolved.path("items").has("$ref") && resolved.isObject()) {
            ObjectNode copy = resolved.deepCopy();
            copy.set("items", schema(root, resolved.get("items")));
            return copy;
        }
        return resolved;
    }
}
