package io.kalpana.web.it;

import io.kalpana.web.admin.AdminImageResource;
import io.kalpana.web.admin.AdminQuotaResource;
import io.kalpana.web.admin.AdminSettingsResource;
import io.kalpana.web.admin.AdminUserResource;
import io.kalpana.web.admin.AdminWorkspaceResource;
import io.kalpana.web.agent.ConversationResource;
import io.kalpana.web.credentials.GitCredentialResource;
import io.kalpana.web.identity.TokenResource;
import io.kalpana.web.workspace.WorkspaceResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input at every API endpoint ({@link EndpointCatalog}: every method and path) and at the dashboard's
 * "New workspace" form: overlong, empty, unicode, control characters, path-like and option-like values in every
 * path parameter, query parameter and body field; wrong JSON types, malformed JSON, wrong content types and huge
 * bodies. Every answer must be a 4xx with the JSON error body (or, for a value a free-text field may fairly hold, a
 * success), never a 5xx; the server keeps serving after each endpoint; a bad form shows a message and creates
 * nothing. All findings are collected, so one run lists every endpoint that needs mending.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputSweepIT {

    private static final String PASSWORD = "sweep-test-password";
    private static final int HUGE_BODY_BYTES = 20 * 1024 * 1024;

    /** A bad value; {@code alwaysInvalid} when no field or parameter may accept it (free text aside). */
    record Bad(String label, String value, boolean alwaysInvalid) {
    }

    private static final List<Bad> STRINGS = List.of(
            new Bad("100k characters", "a".repeat(100_000), true),
            new Bad("empty", "", false),
            new Bad("emoji", "\uD83D\uDE00\uD83D\uDE80", false),
            new Bad("right-to-left override and combining marks", "\u202Eevil\u202C e\u0301\u0302", false),
            new Bad("NUL", "a\u0000b", true),
            new Bad("escape sequence", "\u001b[31mred", true),
            new Bad("CR/LF", "a\r\nX-Injected: 1", true),
            new Bad("path", "../../etc/passwd", false),
            new Bad("encoded path", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", false),
            new Bad("git option", "--upload-pack=touch /tmp/kalpana-sweep", false),
            new Bad("ssh option", "-oProxyCommand=touch /tmp/kalpana-sweep", false));

    /** Path segments written into the URL as they are, for the server to decode. */
    private static final List<String> RAW_PATH_SEGMENTS = List.of("%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2fetc%2fpasswd",
            "%00", "%0d%0aX-Injected:%201", "%ff%fe");

    /** Body fields that hold text a person typed, where unusual characters are fair. */
    private static final Set<String> FREE_TEXT = Set.of("text", "password", "nixConfig");

    /**
     * Payara's HTTP layer answers a request line over 8 KiB, a NUL or invalid UTF-8 in the path itself, with a bare 400
     * before any of Kalpana's code (or error page) runs: such URLs need a 400, not the JSON body Kalpana cannot add.
     */
    private static final int HTTP_LAYER_LINE_LIMIT = 8 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refusedByHttpLayer = new AtomicInteger();
    private String base;
    private Api api;
    private String admin;
    private String sweeper;
    private String sweeperToken;
    private String fixture;

    @Test
    void everyEndpointAnswersBadInputWithA4xxAndAMessageAndKeepsServing() throws Exception {
        setUp();
        List<EndpointCatalog.Endpoint> endpoints = EndpointCatalog.discover().stream().filter(EndpointCatalog.Endpoint::jaxRs).toList();
        assertTrue(endpoints.size() >= 20, "the catalogue finds the API: " + endpoints);
        long began = System.nanoTime();
        for (EndpointCatalog.Endpoint endpoint : endpoints) {
            sweep(endpoint);
            keepsServing(endpoint.key());
            // Anything the sweep managed to change goes back: the fixture must never be allowed to start.
            restoreFixture();
        }
        System.out.println("Bad-input sweep: " + requests.get() + " requests to " + endpoints.size() + " endpoints in "
                + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s; " + refusedByHttpLayer.get()
                + " URLs refused by the HTTP layer with a bare 400");
        assertEquals(List.of(), findings, findings.size() + " answers were not a 4xx with a JSON message");
    }

    @Test
    void theNewWorkspaceFormShowsAMessageForBadValuesAndCreatesNothing() throws Exception {
        setUp();
        PortalSession browser = new PortalSession(reported);
        assertEquals(302, browser.signIn(sweeper, PASSWORD).statusCode());
        Map<String, String[]> cases = new LinkedHashMap<>();
        // No overlong name: the name field cuts what it receives at its 64 characters (PrimeFaces maxlength).
        for (Bad bad : List.of(STRINGS.get(1), STRINGS.get(3), STRINGS.get(4), STRINGS.get(5), STRINGS.get(6))) {
            cases.put("name " + bad.label(), new String[]{bad.value(), "blank", "", ""});
        }
        for (Bad bad : List.of(STRINGS.get(0), STRINGS.get(4), STRINGS.get(6), STRINGS.get(7), STRINGS.get(9), STRINGS.get(10))) {
            cases.put("repository " + bad.label(), new String[]{uniqueName(), "blank", bad.value(), ""});
        }
        cases.put("Nix configuration of 100k characters", new String[]{uniqueName(), "blank", "", "a".repeat(100_000)});
        cases.put("Nix configuration with NUL", new String[]{uniqueName(), "blank", "", "{ }: a\u0000b"});
        for (Bad bad : List.of(STRINGS.get(2), STRINGS.get(7), STRINGS.get(9))) {
            cases.put("template " + bad.label(), new String[]{uniqueName(), bad.value(), "", ""});
        }
        int before = ownWorkspaces();
        for (Map.Entry<String, String[]> form : cases.entrySet()) {
            String[] v = form.getValue();
            String viewState = PortalSession.viewState(browser.get("/index.xhtml").body());
            HttpResponse<String> answer = browser.post("/index.xhtml", PortalSession.createForm(v[0], v[1], v[2], v[3], viewState),
                    browser.base);
            requests.incrementAndGet();
            if (answer.statusCode() != 200 || !answer.body().contains("ui-messages-error")) {
                findings.add("form, " + form.getKey() + ": " + answer.statusCode() + " without an error message");
            }
            if (ownWorkspaces() != before) {
                findings.add("form, " + form.getKey() + ": a workspace was created");
                before = ownWorkspaces();
            }
        }
        assertEquals(200, browser.get("/index.xhtml").statusCode(), "the dashboard still works");
        assertEquals(List.of(), findings);
    }

    private void setUp() {
        base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
        api = new Api(reported);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        sweeper = "sweeper" + UUID.randomUUID().toString().substring(0, 6);
        api.createUser(admin, sweeper, PASSWORD, "user");
        sweeperToken = api.token(sweeper, PASSWORD);
        restoreQuota();
        Api.Reply created = api.post("/api/v1/workspaces", sweeperToken, "{\"name\":\"sweep-fixture\"}");
        assertEquals(201, created.status(), created.body());
        fixture = created.json().getString("id");
    }

    /** The sweeper may run nothing, so no request of the sweep can start a container. */
    private void restoreQuota() {
        api.setQuota(admin, sweeper, 0, 100);
    }

    private void restoreFixture() {
        restoreQuota();
        assertEquals(200, api.send("DELETE", "/api/v1/admin/settings", admin, null).status());
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + fixture, admin).json().getString("status"));
    }

    private void sweep(EndpointCatalog.Endpoint endpoint) throws Exception {
        List<String> pathParams = new ArrayList<>();
        List<Parameter> queryParams = new ArrayList<>();
        Class<?> body = null;
        for (Parameter parameter : endpoint.method().getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                pathParams.add(parameter.getAnnotation(PathParam.class).value());
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                queryParams.add(parameter);
            } else if (!parameter.isAnnotationPresent(Context.class) && !parameter.isAnnotationPresent(HeaderParam.class)) {
                body = parameter.getType();
            }
        }
        for (String name : pathParams) {
            for (Bad bad : STRINGS) {
                String path = path(endpoint, name, encode(bad.value()));
                // An empty segment makes another address (workspaces/ is the list), which may answer.
                checkUrl(endpoint.key() + " path {" + name + "} " + bad.label(), path, send(endpoint.kind(), path, null, null),
                        !bad.value().isEmpty());
            }
            for (String raw : RAW_PATH_SEGMENTS) {
                String path = path(endpoint, name, raw);
                checkUrl(endpoint.key() + " path {" + name + "} raw " + raw, path, send(endpoint.kind(), path, null, null), true);
            }
        }
        for (Parameter query : queryParams) {
            String name = query.getAnnotation(QueryParam.class).value();
            for (Bad bad : STRINGS) {
                String path = path(endpoint, null, null) + "?" + name + "=" + encode(bad.value());
                // A number, a date or a flag is never any of these; a text filter may fairly hold most of them.
                boolean invalid = bad.alwaysInvalid() || query.getType() != String.class;
                checkUrl(endpoint.key() + " query " + name + " " + bad.label(), path, send(endpoint.kind(), path, null, null), invalid);
            }
        }
        if (body == String.class) {
            sweepText(endpoint);
        } else if (body != null) {
            sweepBody(endpoint, body);
        }
    }

    /** A plain-text body (git's credential protocol): each bad value as the whole body, none of them acceptable here. */
    private void sweepText(EndpointCatalog.Endpoint endpoint) throws Exception {
        String path = path(endpoint, null, null);
        for (Bad bad : STRINGS) {
            check(endpoint.key() + " text body " + bad.label(), send(endpoint.kind(), path, "text/plain",
                    HttpRequest.BodyPublishers.ofString(bad.value())), true);
        }
        byte[] huge = new byte[20 * 1024 * 1024];
        check(endpoint.key() + " 20 MB text body", send(endpoint.kind(), path, "text/plain",
                HttpRequest.BodyPublishers.ofByteArray(huge)), true);
    }

    private void sweepBody(EndpointCatalog.Endpoint endpoint, Class<?> type) throws Exception {
        Supplier<JsonObject> baseline = baselines().get(type);
        if (baseline == null) {
            throw new AssertionError(endpoint.key() + " takes a " + type.getName() + ": give the sweep a valid one in baselines()");
        }
        String path = path(endpoint, null, null);
        String key = endpoint.key();
        for (RecordComponent field : type.getRecordComponents()) {
            String name = field.getName();
            boolean text = field.getType() == String.class;
            for (Bad bad : STRINGS) {
                boolean invalid = !text || (bad.alwaysInvalid() && !FREE_TEXT.contains(name));
                checkCreated(key + " field " + name + " " + bad.label(),
                        sendJson(endpoint.kind(), path, with(baseline.get(), name, Json.createValue(bad.value()))), invalid);
            }
            Map<String, JsonValue> wrongTypes = new LinkedHashMap<>();
            if (text) {
                wrongTypes.put("number", Json.createValue(42));
                wrongTypes.put("boolean", JsonValue.TRUE);
            } else {
                wrongTypes.put("fraction", Json.createValue(1.5));
            }
            wrongTypes.put("array", Json.createArrayBuilder().add(Json.createObjectBuilder()).build());
            wrongTypes.put("nested object", Json.createObjectBuilder().add("a", Json.createObjectBuilder()
                    .add("b", Json.createObjectBuilder().add("c", JsonValue.EMPTY_JSON_ARRAY))).build());
            for (Map.Entry<String, JsonValue> wrong : wrongTypes.entrySet()) {
                checkCreated(key + " field " + name + " as " + wrong.getKey(),
                        sendJson(endpoint.kind(), path, with(baseline.get(), name, wrong.getValue())), true);
            }
            checkCreated(key + " field " + name + " null", sendJson(endpoint.kind(), path,
                    with(baseline.get(), name, JsonValue.NULL)), false);
        }
        Map<String, String> wholeBodies = new LinkedHashMap<>();
        wholeBodies.put("array for object", "[" + baseline.get() + "]");
        wholeBodies.put("null", "null");
        wholeBodies.put("number", "42");
        wholeBodies.put("string", "\"text\"");
        wholeBodies.put("empty", "");
        wholeBodies.put("truncated", baseline.get().toString().substring(0, baseline.get().toString().length() / 2));
        wholeBodies.put("single quotes", baseline.get().toString().replace('"', '\''));
        wholeBodies.put("trailing garbage", baseline.get() + "}}");
        wholeBodies.put("100k nested arrays", "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        wholeBodies.put("invalid UTF-8", "{\"name\":\"\u00ff\u00fe\"}");
        for (Map.Entry<String, String> whole : wholeBodies.entrySet()) {
            byte[] bytes = whole.getKey().equals("invalid UTF-8") ? new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}
                    : whole.getValue().getBytes(StandardCharsets.UTF_8);
            checkCreated(key + " body " + whole.getKey(), send(endpoint.kind(), path, "application/json",
                    HttpRequest.BodyPublishers.ofByteArray(bytes)), true);
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            checkCreated(key + " as " + contentType, send(endpoint.kind(), path, contentType,
                    HttpRequest.BodyPublishers.ofString(baseline.get().toString())), true);
        }
        checkCreated(key + " without a content type", send(endpoint.kind(), path, null,
                HttpRequest.BodyPublishers.ofString(baseline.get().toString())), true);
        byte[] huge = hugeJson(baseline.get());
        checkCreated(key + " 20 MB body", send(endpoint.kind(), path, "application/json",
                HttpRequest.BodyPublishers.ofByteArray(huge)), true);
        checkCreated(key + " 20 MB chunked body", send(endpoint.kind(), path, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))), true);
    }

    /** A valid body of each type an endpoint takes, which the sweep spoils one field at a time. */
    private Map<Class<?>, Supplier<JsonObject>> baselines() {
        return Map.of(
                TokenResource.TokenRequest.class, () -> Json.createObjectBuilder().add("username", sweeper).add("password", PASSWORD).build(),
                WorkspaceResource.CreateWorkspaceRequest.class, () -> Json.createObjectBuilder().add("name", uniqueName())
                        .add("template", "blank").add("repoUrl", "https://git.example.com/team/app.git").add("nixConfig", "{ }: { }").build(),
                ConversationResource.MessageRequest.class, () -> Json.createObjectBuilder().add("text", "hello").build(),
                ConversationResource.ApprovalRequest.class, () -> Json.createObjectBuilder().add("approved", false).build(),
                AdminSettingsResource.SettingsJson.class, () -> Json.createObjectBuilder().add("idleTimeout", "PT30M")
                        .add("warnBefore", "PT5M").add("maxLifetime", "off").add("stoppedRetention", "off")
                        .add("defaultMaxRunning", 3).add("defaultMaxTotal", 10).build(),
                GitCredentialResource.GitCredentialRequest.class, () -> Json.createObjectBuilder().add("username", "sweeper")
                        .add("token", "ghp_sweepSweepSweepSweepSweepSweep1234").build(),
                AdminImageResource.ImageRequest.class, () -> Json.createObjectBuilder()
                        .add("name", "swept-image-" + counter.incrementAndGet()).add("reference", "kalpana-workspace:swept")
                        .add("description", "swept").add("templates", Json.createArrayBuilder().add("blank"))
                        .add("groups", Json.createArrayBuilder().add("team-a")).build(),
                AdminWorkspaceResource.MoveImageRequest.class, () -> Json.createObjectBuilder().add("image", "blank").build(),
                AdminQuotaResource.QuotaRequest.class, () -> Json.createObjectBuilder().add("maxRunning", 0).add("maxTotal", 100).build(),
                AdminUserResource.CreateUserRequest.class, () -> Json.createObjectBuilder().add("username", "swept" + counter.incrementAndGet())
                        .add("password", PASSWORD).add("displayName", "Swept").add("email", "swept@example.com")
                        .add("roles", Json.createArrayBuilder().add("user")).build());
    }

    /** The endpoint's path with valid values, and {@code value} (written as it is) for parameter {@code name}. */
    private String path(EndpointCatalog.Endpoint endpoint, String name, String value) {
        Matcher parameters = Pattern.compile("\\{([^}/]+)}").matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String parameter = parameters.group(1);
            String replacement = parameter.equals(name) ? value : switch (parameter) {
                case "id" -> fixture;
                case "username" -> sweeper;
                case "approvalId" -> "approval-1";
                case "host" -> "git.example.com";
                // Built in: PUT and DELETE are refused for it after the input checks, so nothing is lost.
                case "name" -> "blank";
                default -> throw new AssertionError(endpoint.key() + ": give the sweep a valid value for {" + parameter + "}");
            };
            parameters.appendReplacement(path, Matcher.quoteReplacement(replacement));
        }
        parameters.appendTail(path);
        return path.toString();
    }

    private record Answer(int status, String body) {
    }

    private Answer sendJson(String method, String path, JsonObject body) throws Exception {
        return send(method, path, "application/json", HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        requests.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + admin).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest built = request.build();
        try {
            return exchange(built);
        } catch (IOException closedAfterABare400) {
            // The HTTP layer closes the connection after refusing a URL without saying so: the next request on it
            // finds it closed. Once more on a new connection; failing again is a finding.
            try {
                return exchange(built);
            } catch (HttpTimeoutException e) {
                return new Answer(-1, "no answer within 60 s");
            } catch (IOException e) {
                return new Answer(0, "connection failed: " + e);
            }
        }
    }

    private Answer exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Records a finding unless the answer is a 4xx with the JSON error body, or (when allowed) a success. */
    private void check(String what, Answer answer, boolean mustRefuse) {
        int status = answer.status();
        boolean refused = status >= 400 && status < 500;
        if (refused && !errorBody(answer.body())) {
            findings.add(what + ": " + status + " without the JSON error body: " + shorten(answer.body()));
        } else if (!refused && (mustRefuse || status < 200 || status >= 300)) {
            findings.add(what + ": " + status + " " + shorten(answer.body()));
        }
    }

    /** As {@link #check}, but a bare 400 is enough for a URL that Payara's HTTP layer refuses by itself. */
    private void checkUrl(String what, String path, Answer answer, boolean mustRefuse) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        boolean httpLayer = path.length() > HTTP_LAYER_LINE_LIMIT || lower.matches("[^?]*%(00|ff).*");
        if (httpLayer && answer.status() == 400 && answer.body().isEmpty()) {
            refusedByHttpLayer.incrementAndGet();
            return;
        }
        check(what, answer, mustRefuse);
    }

    /** As {@link #check}, and removes a workspace a fair value created, so that names and quotas stay free. */
    private void checkCreated(String what, Answer answer, boolean mustRefuse) {
        check(what, answer, mustRefuse);
        if (answer.status() == 201 && answer.body().contains("\"status\"")) {
            String id = Json.createReader(new StringReader(answer.body())).readObject().getString("id", null);
            if (id != null) {
                api.send("DELETE", "/api/v1/workspaces/" + id, admin, null);
            }
        }
    }

    private static boolean errorBody(String body) {
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            return !json.getString("error", "").isBlank() && !json.getString("message", "").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The server still answers its readiness check and the API after an endpoint's sweep. */
    private void keepsServing(String after) throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(ready.statusCode() == 200 || ready.statusCode() == 503, "health after " + after + ": " + ready.statusCode());
        Api.Reply list = api.get("/api/v1/workspaces", sweeperToken);
        assertEquals(200, list.status(), "listing after " + after + ": " + list.body());
        assertTrue(list.body().contains(fixture), "the fixture workspace is still there after " + after);
    }

    private int ownWorkspaces() {
        Api.Reply list = api.get("/api/v1/workspaces", sweeperToken);
        assertEquals(200, list.status(), list.body());
        return Json.createReader(new StringReader(list.body())).readArray().size();
    }

    private String uniqueName() {
        return "swept-" + counter.incrementAndGet();
    }

    private static JsonObject with(JsonObject baseline, String field, JsonValue value) {
        return Json.createObjectBuilder(baseline).add(field, value).build();
    }

    /** A body of valid JSON of about 20 MB: the baseline with one very long field. */
    private static byte[] hugeJson(JsonObject baseline) {
        return Json.createObjectBuilder(baseline).add("padding", "x".repeat(HUGE_BODY_BYTES)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
