package io.kalpana.web.it;

import io.kalpana.web.ide.IdeProxyServlet;
import jakarta.servlet.annotation.WebServlet;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every endpoint in the deployed classes, found by reflection: JAX-RS resource methods, WebSocket endpoints and
 * servlets. Tests that must cover every endpoint (isolation, bad input) take their list from here, so that a new
 * endpoint fails them until they cover it.
 */
final class EndpointCatalog {

    /**
     * One endpoint. {@code kind} is the HTTP method of a JAX-RS resource method, {@code WS} or {@code SERVLET};
     * {@code path} is as declared, path parameters named; {@code method} is the resource method (JAX-RS only).
     */
    record Endpoint(String kind, String path, Method method) {

        /** The name the tests use: kind and path, every path parameter written {@code {id}}. */
        String key() {
            return kind + " " + path.replaceAll("\\{[^}/]+}", "{id}");
        }

        boolean jaxRs() {
            return method != null;
        }
    }

    private EndpointCatalog() {
    }

    static List<Endpoint> discover() throws Exception {
        List<Class<?>> types = deployedClasses();
        String api = types.stream().map(type -> type.getAnnotation(ApplicationPath.class)).filter(a -> a != null)
                .map(a -> "/" + strip(a.value())).findFirst().orElseThrow(() -> new AssertionError("no @ApplicationPath"));
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : types) {
            Path resource = type.getAnnotation(Path.class);
            if (resource != null) {
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    Path sub = method.getAnnotation(Path.class);
                    if (verb == null && sub != null) {
                        throw new AssertionError("sub-resource locator " + method + ": extend the endpoint discovery for it");
                    }
                    if (verb != null) {
                        endpoints.add(new Endpoint(verb, api + "/" + strip(resource.value())
                                + (sub == null ? "" : "/" + strip(sub.value())), method));
                    }
                }
            }
            ServerEndpoint socket = type.getAnnotation(ServerEndpoint.class);
            if (socket != null) {
                endpoints.add(new Endpoint("WS", socket.value(), null));
            }
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                Stream.concat(Stream.of(servlet.value()), Stream.of(servlet.urlPatterns()))
                        .forEach(pattern -> endpoints.add(new Endpoint("SERVLET", pattern, null)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    /** The keys of every endpoint. */
    static Set<String> keys() throws Exception {
        return discover().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Class<?>> deployedClasses() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(IdeProxyServlet.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                types.add(Class.forName(name, false, EndpointCatalog.class.getClassLoader()));
            }
        }
        return types;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
