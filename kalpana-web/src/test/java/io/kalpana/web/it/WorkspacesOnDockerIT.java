package io.kalpana.web.it;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.kalpana.runtime.DockerTestSupport.docker;
import static io.kalpana.runtime.DockerTestSupport.dockerStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workspaces as real containers on the Docker engine, driven through Kalpana's API and portal. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspacesOnDockerIT {

    private static final String PASSWORD = "docker-test-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
    }

    @AfterEach
    void removeWorkspaces() {
        fixture.removeWorkspaces();
    }

    @Test
    void fourWorkspacesOfTwoPeopleRunSideBySideAndKeepTheirFiles() throws Exception {
        String alice = fixture.personsToken("alice");
        String bob = fixture.personsToken("bob");
        List<String> ids = List.of(fixture.workspace(alice, "one", "blank"), fixture.workspace(alice, "two", "node"),
                fixture.workspace(alice, "three", "python"), fixture.workspace(bob, "four", "java-maven"));
        List<String> tokens = List.of(alice, alice, alice, bob);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Api.Reply started = api.post("/api/v1/workspaces/" + ids.get(i) + "/start", tokens.get(i), null);
            assertEquals(200, started.status(), started.body());
            JsonObject workspace = started.json();
            assertEquals("RUNNING", workspace.getString("status"));
            assertTrue(ports.add(workspace.getInt("idePort")), "IDE port reused");
            assertTrue(ports.add(workspace.getInt("bridgePort")), "bridge port reused");
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonObject workspace = api.get("/api/v1/workspaces/" + ids.get(i), tokens.get(i)).json();
            assertEquals(200, httpStatus("http://127.0.0.1:" + workspace.getInt("idePort") + "/healthz", null),
                    "IDE of " + ids.get(i) + " answers on its own port");
            assertTrue(workspace.getString("ideUrl").endsWith("/w/" + ids.get(i) + "/ide/"), workspace.getString("ideUrl"));
            assertEquals(200, httpStatus(workspace.getString("ideUrl") + "healthz", tokens.get(i)),
                    "IDE of " + ids.get(i) + " answers through Kalpana's gated path, the ideUrl of the API");
        }
        assertEquals(404, api.post("/api/v1/workspaces/" + ids.get(3) + "/start", alice, null).status(), "alice cannot touch bob's");

        docker("exec", "-u", "1000", "kalpana-ws-" + ids.get(0), "bash", "-c", "echo kept > /workspace/note.txt");
        assertNotEquals(0, dockerStatus("exec", "kalpana-ws-" + ids.get(1), "test", "-e", "/workspace/note.txt"),
                "another workspace does not see the file");

        Api.Reply again = api.post("/api/v1/workspaces/" + ids.get(0) + "/start", alice, null);
        assertEquals(200, again.status(), "a second start of a running workspace is a no-op");
        Api.Reply stopped = api.post("/api/v1/workspaces/" + ids.get(0) + "/stop", alice, null);
        assertEquals("STOPPED", stopped.json().getString("status"), stopped.body());
        assertTrue(stopped.json().isNull("idePort") || !stopped.json().containsKey("idePort")
                || stopped.json().isNull("ideUrl"), "no IDE URL when stopped");
        assertNotEquals(0, dockerStatus("container", "inspect", "kalpana-ws-" + ids.get(0)), "the container is gone after stop");
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + ids.get(0) + "/start", alice, null).json().getString("status"));
        assertEquals("kept", docker("exec", "kalpana-ws-" + ids.get(0), "cat", "/workspace/note.txt").strip(),
                "files survive stop and start");

        api.post("/api/v1/workspaces/" + ids.get(0) + "/stop", alice, null);
        assertEquals(204, api.send("DELETE", "/api/v1/workspaces/" + ids.get(0), alice, null).status());
        assertNotEquals(0, dockerStatus("volume", "inspect", "kalpana-ws-" + ids.get(0)), "delete removes the volume");
    }

    @Test
    void createWithStartAnswersWhenTheIdeIsReadyAndKeepsAWorkspaceWhoseStartIsRefused() throws Exception {
        String person = fixture.person("frank");
        String token = api.token(person, PASSWORD);

        Api.Reply ready = api.post("/api/v1/workspaces?start=true", token, "{\"name\":\"now\",\"template\":\"python\"}");
        assertEquals(201, ready.status(), ready.body());
        String now = ready.json().getString("id");
        fixture.removeAfterwards(now, token);
        assertEquals("RUNNING", ready.json().getString("status"), ready.body());
        assertTrue(ready.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/v1/workspaces/" + now));
        assertEquals(200, httpStatus(ready.json().getString("ideUrl") + "healthz", token), "the IDE answers when the create does");
        assertTrue(docker("exec", "kalpana-ws-" + now, "cat", "/workspace/main.py").contains("greeting"), "the template is in place");

        Api.Reply accepted = api.post("/api/v1/workspaces?start=true&async=true", token, "{\"name\":\"soon\"}");
        assertEquals(202, accepted.status(), accepted.body());
        String soon = accepted.json().getString("id");
        fixture.removeAfterwards(soon, token);
        assertEquals("STARTING", accepted.json().getString("status"), accepted.body());
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/workspaces/" + soon), location);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String status = "STARTING";
        while (!status.equals("RUNNING") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            status = api.get("/api/v1/workspaces/" + soon, token).json().getString("status");
            assertTrue(status.equals("STARTING") || status.equals("RUNNING"), status);
        }
        assertEquals("RUNNING", status);

        Api.Reply lone = api.post("/api/v1/workspaces?async=true", token, "{\"name\":\"lone\"}");
        assertEquals(400, lone.status(), lone.body());
        assertEquals("async_without_start", lone.error());
        assertFalse(api.get("/api/v1/workspaces", token).body().contains("\"lone\""), "a refused request creates nothing");

        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        api.setQuota(admin, person, 2, 10);
        Api.Reply refused = api.post("/api/v1/workspaces?start=true", token, "{\"name\":\"later\"}");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("quota_running", refused.error());
        assertTrue(refused.json().getString("message").startsWith("Workspace 'later' was created but not started: You already"
                + " have 2 running workspaces"), refused.json().getString("message"));
        String later = refused.raw().headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        fixture.removeAfterwards(later, token);
        JsonObject kept = api.get("/api/v1/workspaces/" + later, token).json();
        assertEquals("later", kept.getString("name"));
        assertEquals("STOPPED", kept.getString("status"), "the workspace is kept, stopped, to be started later");
    }

    @Test
    void openIdeSignsIntoVsCodeWithTheTemplateFiles() throws Exception {
        String name = fixture.person("eve");
        String token = api.token(name, PASSWORD);
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            String base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
            driver.get(base + "/login.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username"))).sendKeys(name);
            driver.findElement(By.id("signin:password")).sendKeys(PASSWORD);
            driver.findElement(By.id("signin:submit")).click();
            wait.until(ExpectedConditions.titleContains("Your workspaces"));

            driver.findElement(By.id("dashboard:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name"))).sendKeys("web-shop");
            assertTrue(driver.findElement(By.cssSelector("[id='create:startNow'] input")).isSelected(),
                    "a new workspace starts at once unless the person says otherwise");
            Browser.screenshot(driver, "09-create-dialog");
            driver.findElement(By.id("create:createButton")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dashboard\\:workspaces .k-name"), "web-shop"));
            String id = api.get("/api/v1/workspaces", token).body().replaceAll(".*\"id\":\"([a-z0-9]{12})\".*", "$1");
            fixture.removeAfterwards(id, token);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.k-open")));
            Browser.screenshot(driver, "10-workspace-running");
            assertFalse(driver.getPageSource().contains(docker("container", "inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}",
                    "kalpana-ws-" + id).lines().filter(l -> l.startsWith("KALPANA_IDE_PASSWORD=")).findFirst()
                    .orElseThrow().substring("KALPANA_IDE_PASSWORD=".length())), "the dashboard never shows the IDE password");

            String dashboard = driver.getWindowHandle();
            clickWhenSettled(wait, By.cssSelector("a.k-open"));
            wait.until(d -> d.getWindowHandles().size() > 1);
            driver.getWindowHandles().stream().filter(h -> !h.equals(dashboard)).findFirst().ifPresent(h -> driver.switchTo().window(h));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".monaco-workbench")));
            WebElement readme = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//div[contains(@class,'explorer-folders-view')]//*[contains(text(),'README.md')]")));
            assertTrue(readme.isDisplayed());
            assertFalse(driver.getCurrentUrl().contains("password"), "the password never travels in a URL");
            assertTrue(driver.getCurrentUrl().startsWith(base + "/w/" + id + "/ide/"),
                    "Open IDE goes through Kalpana's proxy: " + driver.getCurrentUrl());
            TimeUnit.SECONDS.sleep(2);
            Browser.screenshot(driver, "11-vscode-workbench");

            // Stopped elsewhere (the API): the open dashboard shows it without being reloaded.
            driver.switchTo().window(dashboard);
            driver.executeScript("window.kalpanaNotReloaded = true;");
            assertEquals("STOPPED", api.post("/api/v1/workspaces/" + id + "/stop", token, null).json().getString("status"));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id$=':start']")));
            assertTrue(driver.findElements(By.cssSelector("a.k-open")).isEmpty(), "no Open IDE for a stopped workspace");
            assertEquals(Boolean.TRUE, driver.executeScript("return window.kalpanaNotReloaded === true;"),
                    "the page updated itself; it was not reloaded");
            Browser.screenshot(driver, "12-live-status-stopped");
        } finally {
            driver.quit();
        }
    }

    /** The live status channel may re-render the table between finding an element and clicking it. */
    private static void clickWhenSettled(WebDriverWait wait, By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    private static int httpStatus(String url, String bearer) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
