package io.kalpana.web.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's cookie jar and form posts, without the browser: for tests of sessions and forged requests. */
final class PortalSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    PortalSession(URL reported) {
        this.base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String origin) throws IOException, InterruptedException {
        return post(path, form, origin, Map.of());
    }

    /** A form post as a page's JavaScript sends it (a JSF partial request), from Kalpana's own origin. */
    HttpResponse<String> postAjax(String path, Map<String, String> form) throws IOException, InterruptedException {
        return postAjax(path, form, Map.of());
    }

    /** As {@link #postAjax(String, Map)}, with more headers (e.g. the Referer of the page clicked on). */
    HttpResponse<String> postAjax(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Faces-Request", "partial/ajax");
        return post(path, form, base, all);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String origin, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no view state in page: " + page);
        }
        return matcher.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    /** The dashboard's "New workspace" form as the browser posts it, without JavaScript (no partial request). */
    static Map<String, String> createForm(String name, String template, String repoUrl, String nixConfig, String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:name", name);
        form.put("create:template_input", template);
        form.put("create:repo", repoUrl);
        form.put("create:nix", nixConfig);
        form.put("create:createButton", "create:createButton");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    /** A dashboard row's Delete, as the confirmed question posts it: row {@code row}, naming workspace {@code id}. */
    static Map<String, String> deleteForm(int row, String id, String viewState) {
        String button = "dashboard:workspaces:" + row + ":delete";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", button);
        form.put("jakarta.faces.partial.execute", button);
        form.put("jakarta.faces.partial.render", "dashboard");
        form.put(button, button);
        form.put("workspace", id);
        form.put("dashboard", "dashboard");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Signs in through the login form like a browser; returns the answer to the form post. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return post("/login.xhtml", signInForm(username, password, get("/login.xhtml").body()), base);
    }

    /** The sign-in form of {@code page} as the browser posts it. */
    static Map<String, String> signInForm(String username, String password, String page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:username", username);
        form.put("signin:password", password);
        form.put("signin:next", "");
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        return form;
    }

    /** Makes the browser send session id {@code id} from now on, as if a response had just set it. */
    void useSessionId(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        // The host as domain: the one a server's cookie gets here, so a later Set-Cookie replaces this one.
        cookie.setDomain(URI.create(base).getHost());
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }
}
