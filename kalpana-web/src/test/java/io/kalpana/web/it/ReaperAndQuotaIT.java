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

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live settings, quotas and the reaper's timer through the API of a deployed Kalpana (sweeping every 3 s, see
 * arquillian.xml). Settings changed here are reset afterwards, as later tests share the data directory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaperAndQuotaIT {

    private static final String PASSWORD = "quota-test-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private String admin;

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        fixture.removeWorkspaces();
        assertEquals(200, api.send("DELETE", "/api/v1/admin/settings", admin, null).status(), "settings reset");
    }

    @Test
    void settingsAreForAdminsValidatedAndAppliedAtOnce() {
        String user = fixture.personsToken("carol");
        assertEquals(403, api.get("/api/v1/admin/settings", user).status());
        assertEquals(403, api.send("PUT", "/api/v1/admin/settings", user, "{\"defaultMaxRunning\":99}").status());

        JsonObject defaults = api.get("/api/v1/admin/settings", admin).json();
        assertEquals("PT30M", defaults.getString("idleTimeout"));
        assertEquals("PT5M", defaults.getString("warnBefore"));
        assertTrue(defaults.isNull("maxLifetime"));
        assertTrue(defaults.isNull("stoppedRetention"));
        assertEquals(3, defaults.getInt("defaultMaxRunning"));
        assertEquals(10, defaults.getInt("defaultMaxTotal"));

        assertBadSettings("{\"idleTimeout\":\"30 minutes\"}", "idleTimeout");
        assertBadSettings("{\"idleTimeout\":\"PT10S\"}", "idleTimeout");
        assertBadSettings("{\"warnBefore\":\"PT45M\"}", "warnBefore");
        assertBadSettings("{\"defaultMaxRunning\":-1}", "defaultMaxRunning");
        assertBadSettings("{\"maxLifetime\":\"forever\"}", "maxLifetime");
        assertEquals(400, api.send("PUT", "/api/v1/admin/settings", admin, "{\"defaultMaxRunning\":\"many\"}").status());
        assertEquals(defaults, api.get("/api/v1/admin/settings", admin).json(), "nothing changed by bad requests");

        JsonObject changed = api.send("PUT", "/api/v1/admin/settings", admin,
                "{\"idleTimeout\":\"PT2H\",\"maxLifetime\":\"PT12H\",\"defaultMaxTotal\":4}").json();
        assertEquals("PT2H", changed.getString("idleTimeout"));
        assertEquals("PT5M", changed.getString("warnBefore"), "left out: kept");
        assertEquals("PT12H", changed.getString("maxLifetime"));
        assertEquals(4, changed.getInt("defaultMaxTotal"));
        assertEquals(changed, api.get("/api/v1/admin/settings", admin).json());
        assertTrue(api.send("PUT", "/api/v1/admin/settings", admin, "{\"maxLifetime\":\"off\"}").json().isNull("maxLifetime"));
    }

    @Test
    void quotasLimitCreateAndStartWithAMessageNamingTheLimitAndAdminsCanRaiseThem() {
        String quser = fixture.person("quser");
        String token = api.token(quser, PASSWORD);

        assertEquals(404, api.get("/api/v1/admin/users/" + ApiFixture.unique("nobody-") + "/quota", admin).status());
        assertEquals(403, api.get("/api/v1/admin/users/" + quser + "/quota", token).status());
        JsonObject defaults = api.get("/api/v1/admin/users/" + quser + "/quota", admin).json();
        assertEquals(3, defaults.getInt("maxRunning"));
        assertFalse(defaults.getBoolean("custom"));

        assertEquals(400, quota(quser, "{\"maxRunning\":-1,\"maxTotal\":3}").status());
        assertEquals(400, quota(quser, "{\"maxRunning\":1}").status(), "both limits are required");
        assertEquals(400, quota(quser, "{\"maxRunning\":1,\"maxTotal\":100000}").status());
        assertEquals(404, api.send("PUT", "/api/v1/admin/users/nobody-x1/quota", admin, "{\"maxRunning\":1,\"maxTotal\":1}").status());

        JsonObject set = quota(quser, "{\"maxRunning\":1,\"maxTotal\":2}").json();
        assertEquals(1, set.getInt("maxRunning"));
        assertTrue(set.getBoolean("custom"));

        String first = fixture.workspace(token, "first", null);
        String second = fixture.workspace(token, "second", null);
        Api.Reply third = api.post("/api/v1/workspaces", token, "{\"name\":\"third\"}");
        assertEquals(409, third.status(), third.body());
        assertEquals("quota_total", third.error());
        assertEquals("You already have 2 workspaces, the most allowed for you (2); delete one first",
                third.json().getString("message"));

        assertEquals(200, api.post("/api/v1/workspaces/" + first + "/start", token, null).status());
        Api.Reply refused = api.post("/api/v1/workspaces/" + second + "/start", token, null);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("quota_running", refused.error());
        assertEquals("You already have 1 running workspace, the most allowed for you (1); stop one first",
                refused.json().getString("message"));
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + second, token).json().getString("status"));
        assertEquals(200, api.post("/api/v1/workspaces/" + first + "/start", token, null).status(),
                "starting the running one again is no new workspace");

        quota(quser, "{\"maxRunning\":2,\"maxTotal\":2}");
        Api.Reply raised = api.post("/api/v1/workspaces/" + second + "/start", token, null);
        assertEquals(200, raised.status(), raised.body());

        JsonObject reset = api.send("DELETE", "/api/v1/admin/users/" + quser + "/quota", admin, null).json();
        assertFalse(reset.getBoolean("custom"));
        assertEquals(10, reset.getInt("maxTotal"));
    }

    @Test
    void keepRunningIsForTheOwnerAndCountsAsUse() {
        String owner = fixture.personsToken("keeper");
        String stranger = fixture.personsToken("stranger");
        String id = fixture.workspace(owner, "kept", null);
        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/start", owner, null).status());

        assertEquals(404, api.post("/api/v1/workspaces/" + id + "/keep-running", stranger, null).status());
        assertEquals(404, api.post("/api/v1/workspaces/nosuchthing1/keep-running", owner, null).status());
        JsonObject kept = api.post("/api/v1/workspaces/" + id + "/keep-running", owner, null).json();
        assertEquals("KEEP_RUNNING", kept.getString("lastSignal"));
        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/keep-running", admin, null).status(), "admins may too");
    }

    @Test
    void theTimerWarnsThenStopsAnIdleWorkspaceWithTheSettingsChangedAtRunTime() throws Exception {
        String owner = fixture.personsToken("idler");
        String id = fixture.workspace(owner, "idle", null);
        Api.Reply changed = api.send("PUT", "/api/v1/admin/settings", admin, "{\"idleTimeout\":\"PT1M\",\"warnBefore\":\"PT20S\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/start", owner, null).status());

        String warning = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        JsonObject workspace = api.get("/api/v1/workspaces/" + id, owner).json();
        while (!"STOPPED".equals(workspace.getString("status"))) {
            assertTrue(Instant.now().isBefore(deadline), "not stopped in time: " + workspace);
            if (!workspace.isNull("warning")) {
                warning = workspace.getString("warning");
            }
            Thread.sleep(1000);
            workspace = api.get("/api/v1/workspaces/" + id, owner).json();
        }
        assertTrue(warning != null && warning.contains("will be stopped"), "warned first: " + warning);
        assertEquals("stopped after 1 min without activity", workspace.getString("statusReason"));
        assertTrue(workspace.isNull("idePort"), "ports released");
    }

    @Test
    void theDashboardShowsTheWarningLiveAndKeepRunningLiftsIt() throws Exception {
        String name = fixture.person("watcher");
        String owner = api.token(name, PASSWORD);
        String id = fixture.workspace(owner, "watched", null);
        assertEquals(200, api.send("PUT", "/api/v1/admin/settings", admin,
                "{\"idleTimeout\":\"PT2M\",\"warnBefore\":\"PT95S\"}").status());
        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/start", owner, null).status());

        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
            String base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
            driver.get(base + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username"))).sendKeys(name);
            driver.findElement(By.id("signin:password")).sendKeys(PASSWORD);
            driver.findElement(By.id("signin:submit")).click();
            wait.until(ExpectedConditions.titleContains("Your workspaces"));
            String activity = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".k-activity"))).getText();
            assertTrue(activity.startsWith("Last activity: started at "), activity);

            // No reload: the warning arrives over the live status channel about 25 s after the start.
            assertTrue(driver.findElements(By.cssSelector(".k-warning")).isEmpty(), "not warned yet when the page opens");
            WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".k-warning")));
            assertTrue(warning.getText().contains("will be stopped at about"), warning.getText());
            Browser.screenshot(driver, "reaper-01-idle-warning");

            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.cssSelector(".k-keep")).click();
                return true;
            });
            wait.ignoring(StaleElementReferenceException.class).until(d ->
                    d.findElement(By.cssSelector(".k-activity")).getText().contains("you chose Keep running"));
            assertTrue(driver.findElements(By.cssSelector(".k-warning")).isEmpty(), "the warning is gone");
            Browser.screenshot(driver, "reaper-02-kept-running");
            assertEquals("KEEP_RUNNING", api.get("/api/v1/workspaces/" + id, owner).json().getString("lastSignal"));
        } finally {
            driver.quit();
        }
    }

    private void assertBadSettings(String body, String field) {
        Api.Reply reply = api.send("PUT", "/api/v1/admin/settings", admin, body);
        assertEquals(400, reply.status(), body + " → " + reply.body());
        assertTrue(reply.json().getString("message").contains(field), reply.body());
    }

    private Api.Reply quota(String username, String body) {
        return api.send("PUT", "/api/v1/admin/users/" + username + "/quota", admin, body);
    }

}
