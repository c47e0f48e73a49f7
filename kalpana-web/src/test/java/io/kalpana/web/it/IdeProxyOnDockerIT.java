package io.kalpana.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.kalpana.runtime.DockerTestSupport.docker;
import static io.kalpana.runtime.DockerTestSupport.dockerStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IDE proxy at /w/{id}/ide/ in front of real workspace containers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdeProxyOnDockerIT {

    private static final String PASSWORD = "proxy-test-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private RawHttp raw;

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
        raw = new RawHttp(reported);
    }

    @AfterEach
    void removeWorkspaces() {
        fixture.removeWorkspaces();
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    @Test
    void vsCodeOpensThroughTheProxyAndItsTerminalRunsCommands() throws Exception {
        String name = fixture.person("ide");
        String token = api.token(name, PASSWORD);
        String id = fixture.runningWorkspace(token, "through-proxy", "blank");
        String base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
            driver.get(base + "/w/" + id + "/ide/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username"))).sendKeys(name);
            assertTrue(driver.getCurrentUrl().contains("/login.xhtml"), "a page under the proxy sends an anonymous person to sign in");
            driver.findElement(By.id("signin:password")).sendKeys(PASSWORD);
            driver.findElement(By.id("signin:submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".monaco-workbench")));
            assertTrue(driver.getCurrentUrl().startsWith(base + "/w/" + id + "/ide/"), driver.getCurrentUrl());
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//div[contains(@class,'explorer-folders-view')]//*[contains(text(),'README.md')]")));
            Browser.screenshot(driver, "20-vscode-through-proxy");

            // The terminal is a pty on the other end of code-server's WebSocket: it only works if the tunnel does.
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("`").keyUp(Keys.CONTROL).perform();
            wait.until(d -> !d.findElements(By.cssSelector(".terminal .xterm-helper-textarea")).isEmpty());
            assertTrue(driver.findElements(By.xpath("//*[contains(normalize-space(.),'Trust Folder')]")).stream()
                    .noneMatch(WebElement::isDisplayed), "VS Code does not ask whether to trust the person's own workspace");
            // Typed again until the file appears: under load the shell may not be listening to the first keys yet.
            String container = "kalpana-ws-" + id;
            boolean written = false;
            for (int attempt = 0; attempt < 6 && !written; attempt++) {
                TimeUnit.SECONDS.sleep(3);
                try {
                    driver.findElement(By.cssSelector(".terminal .xterm-screen")).click();
                    driver.findElement(By.cssSelector(".terminal .xterm-helper-textarea"))
                            .sendKeys("echo proxied > /workspace/through-proxy.txt" + Keys.ENTER);
                } catch (org.openqa.selenium.WebDriverException dialogInTheWay) {
                    continue;
                }
                for (int poll = 0; poll < 10 && !written; poll++) {
                    written = dockerStatus("exec", container, "test", "-s", "/workspace/through-proxy.txt") == 0;
                    TimeUnit.SECONDS.sleep(1);
                }
            }
            Browser.screenshot(driver, "21-vscode-terminal-through-proxy");
            assertTrue(written, "the command typed into VS Code's terminal ran in the container");
            assertEquals("proxied", docker("exec", container, "cat", "/workspace/through-proxy.txt").strip());
            assertFalse(driver.manage().getCookies().stream().anyMatch(c -> c.getName().contains("code-server")),
                    "code-server's session cookie never reaches the browser");
        } finally {
            driver.quit();
        }
    }

    @Test
    void onlyTheOwnerAndAdminsGetThrough() throws Exception {
        String alice = fixture.personsToken("alice");
        String bob = fixture.personsToken("bob");
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        String id = fixture.runningWorkspace(alice, "alices", "blank");
        String healthz = "/w/" + id + "/ide/healthz";

        assertEquals(200, raw.get(healthz, bearer(alice)).status());
        assertEquals(200, raw.get(healthz, bearer(admin)).status(), "admins see all");

        RawHttp.Answer bobs = raw.get(healthz, bearer(bob));
        assertEquals(404, bobs.status(), "another person's workspace does not exist for bob");
        assertTrue(bobs.body().contains("workspace_not_found"), bobs.body());
        assertEquals(404, raw.get("/w/" + id + "/ide/", bearer(bob) + "Accept: text/html\r\n").status());
        assertEquals(404, raw.upgrade("/w/" + id + "/ide/?reconnectionToken=x", bearer(bob)).status(), "nor its WebSocket");
        assertEquals(404, raw.get("/w/zzzzzzzzzzzz/ide/healthz", bearer(admin)).status(), "unknown workspace");

        RawHttp.Answer page = raw.get("/w/" + id + "/ide/", "Accept: text/html\r\nSec-Fetch-Mode: navigate\r\n");
        assertEquals(302, page.status(), "a page sends an anonymous person to sign in");
        assertTrue(page.header("Location").contains("/login.xhtml?next=%2Fw%2F" + id + "%2Fide%2F"), page.header("Location"));
        assertEquals(401, raw.get(healthz, "Accept: application/json\r\n").status(), "a script's request gets 401");
        assertEquals(401, raw.upgrade("/w/" + id + "/ide/?reconnectionToken=x", "").status(), "a WebSocket gets 401");
        assertEquals(401, raw.get(healthz, "Authorization: Bearer not-a-token\r\n").status());
    }

    @Test
    void aStoppedWorkspaceGetsAPageSayingSo() throws Exception {
        String alice = fixture.personsToken("stop");
        String id = fixture.runningWorkspace(alice, "to-stop", "blank");
        assertEquals("STOPPED", api.post("/api/v1/workspaces/" + id + "/stop", alice, null).json().getString("status"));
        RawHttp.Answer page = raw.get("/w/" + id + "/ide/", bearer(alice) + "Accept: text/html\r\nSec-Fetch-Mode: navigate\r\n");
        assertEquals(409, page.status());
        assertTrue(page.body().contains("<strong>to-stop</strong> is stopped — start it"), page.body());
        RawHttp.Answer xhr = raw.get("/w/" + id + "/ide/healthz", bearer(alice) + "Accept: application/json\r\n");
        assertEquals(409, xhr.status());
        assertTrue(xhr.body().contains("workspace_not_running"), xhr.body());

        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + id + "/start", alice, null).json().getString("status"));
        assertEquals(200, raw.get("/w/" + id + "/ide/healthz", bearer(alice)).status(),
                "a new container gets a new code-server session");
    }

    @Test
    void badInputIsRefusedBeforeCodeServerSeesIt() throws Exception {
        String alice = fixture.personsToken("bad");
        String id = fixture.runningWorkspace(alice, "bad-input", "blank");
        for (String malformed : List.of("/w/NOT-AN-ID/ide/", "/w/abc/ide/", "/w/" + id + "x/ide/", "/w/" + id + "/idea/")) {
            assertEquals(404, raw.get(malformed, bearer(alice)).status(), malformed);
        }
        for (String traversal : List.of("/w/" + id + "/ide/../../api/v1/workspaces", "/w/" + id + "/ide/../../../api/v1/workspaces",
                "/w/" + id + "/ide/%2e%2e/%2e%2e/api/v1/workspaces", "/w/" + id + "/ide/a/%2E%2E/healthz",
                "/w/" + id + "/ide/%2e%2e%2fhealthz", "/w/" + id + "/ide/a%5c..%5chealthz", "/w/" + id + "/ide/a%00")) {
            // Sent as written (no client-side normalisation); with the owner's token, so only the path can stop it.
            RawHttp.Answer answer = raw.get(traversal, bearer(alice));
            assertTrue(answer.status() == 400 || answer.status() == 404, traversal + " -> " + answer.head());
            assertFalse(answer.body().contains("lastHeartbeat"), "not passed to code-server: " + traversal);
            assertFalse(answer.body().contains("\"owner\""), "nor to the API: " + traversal);
        }
        // A malformed escape never reaches a servlet: the container answers it with an empty response itself.
        RawHttp.Answer malformed = raw.get("/w/" + id + "/ide/a%zz", bearer(alice));
        assertTrue(malformed.body().isEmpty() && malformed.header("Content-Security-Policy") == null, malformed.head());
        RawHttp.Answer explained = raw.get("/w/" + id + "/ide/../../api/v1/workspaces", bearer(alice));
        assertEquals(400, explained.status(), explained.head());
        assertTrue(explained.body().contains("invalid_ide_path"), explained.body());

        RawHttp.Answer huge = raw.get("/w/" + id + "/ide/healthz", bearer(alice) + "X-Huge: " + "a".repeat(200_000) + "\r\n");
        assertTrue(huge.status() == 0 || (huge.status() >= 400 && huge.status() < 500), "oversized headers: " + huge.head());
        assertEquals(200, raw.get("/w/" + id + "/ide/healthz", bearer(alice)).status(), "and the proxy still works");

        RawHttp.Answer crlf = raw.get("/w/" + id + "/ide/healthz", bearer(alice) + "X-Split: a\rb\r\n");
        assertNotEquals(500, crlf.status());
    }

    @Test
    void previewsOfTheOwnersDevServersGoThroughTheSameGateSandboxed() throws Exception {
        String alice = fixture.personsToken("prev");
        String bob = fixture.personsToken("peek");
        String id = fixture.runningWorkspace(alice, "preview", "blank");
        docker("exec", "-d", "-u", "1000", "kalpana-ws-" + id, "node", "-e",
                "require('http').createServer((q,s)=>{s.setHeader('Set-Cookie','pref=1; Path=/');"
                        + "s.end('preview-ok '+q.url+' cookies=['+(q.headers.cookie||'')+'] auth=['+(q.headers.authorization||'')+']')})"
                        + ".listen(8000,'127.0.0.1')");
        String path = "/w/" + id + "/ide/proxy/8000/hello?x=1";
        RawHttp.Answer answer = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            answer = raw.get(path, bearer(alice) + "Cookie: JSESSIONID=kalpanas; theme=dark; code-server-session=planted\r\n");
            if (answer.status() == 200) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        assertEquals(200, answer.status(), answer.head());
        assertTrue(answer.body().startsWith("preview-ok /hello?x=1"), answer.body());
        String cookies = answer.body().replaceAll(".*cookies=\\[([^]]*)].*", "$1");
        assertEquals("theme=dark", cookies, "neither Kalpana's session nor code-server's reaches a dev server");
        assertTrue(answer.body().endsWith("auth=[]"), "Kalpana's bearer token stays in Kalpana: " + answer.body());
        assertTrue(answer.header("Content-Security-Policy").startsWith("sandbox "), answer.head());
        // code-server's port proxy passes Path=/ through, meaning all of code-server's origin; here that is the prefix.
        assertEquals("pref=1; Path=/w/" + id + "/ide/", answer.header("Set-Cookie"), answer.head());
        assertEquals(404, raw.get(path, bearer(bob)).status(), "bob cannot preview alice's dev server");
        assertNull(raw.get("/w/" + id + "/ide/healthz", bearer(alice)).header("Set-Cookie"));
    }

    @Test
    void signingOutCutsTheIdeWebSocketsOfTheSession() throws Exception {
        String name = fixture.person("out");
        String token = api.token(name, PASSWORD);
        String id = fixture.runningWorkspace(token, "sign-out", "blank");
        WorkspaceEcho.start(id);
        PortalSession browser = new PortalSession(reported);
        assertEquals(302, browser.signIn(name, PASSWORD).statusCode());
        String cookie = "JSESSIONID=" + browser.sessionId().orElseThrow();
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(java.net.URI.create(browser.base.replace("http://", "ws://") + "/w/" + id + "/ide/proxy/" + WorkspaceEcho.PORT + "/"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                                heard.add(data.toString());
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int status, String reason) {
                                closed.complete(status);
                                return null;
                            }

                            @Override
                            public void onError(java.net.http.WebSocket ws, Throwable error) {
                                closed.complete(-1);
                            }
                        }).get(60, TimeUnit.SECONDS);
        socket.sendText("hello through the tunnel", true).get(10, TimeUnit.SECONDS);
        assertEquals("hello through the tunnel", heard.poll(10, TimeUnit.SECONDS), "the WebSocket reaches the dev server and back");
        assertFalse(closed.isDone());

        // Signed out with exactly the session cookie the WebSocket used (a cookie jar may hold older ids too).
        RawHttp.Answer signedOut = raw.exchange("POST /signout HTTP/1.1\r\nHost: " + raw.hostHeader() + "\r\nConnection: close\r\n"
                + "Cookie: " + cookie + "\r\nOrigin: " + browser.base + "\r\nContent-Length: 0\r\n", 10_000);
        assertEquals(302, signedOut.status(), signedOut.head());
        closed.get(10, TimeUnit.SECONDS);
        assertEquals(401, raw.upgrade("/w/" + id + "/ide/proxy/" + WorkspaceEcho.PORT + "/", "Cookie: " + cookie + "\r\n").status(),
                "the ended session opens no new one");
    }
}
