package io.kalpana.web.it;

import jakarta.json.JsonArray;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console: its API (the all-workspaces query, the audit search, capacity) and the page itself in
 * Debian's Chromium with one real running workspace, screenshots included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    private static final String PASSWORD = "admin-console-test-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private String admin;
    private String base;
    private ChromeDriver driver;

    @BeforeEach
    void connect() {
        URL url = KalpanaDeployment.onLoopback(reported);
        base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        api = new Api(url);
        fixture = new ApiFixture(api, PASSWORD);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        if (driver != null) {
            driver.quit();
        }
        fixture.removeWorkspacesAs(admin);
    }

    private JsonObject adminList(String query) {
        Api.Reply reply = api.get("/api/v1/admin/workspaces?" + query, admin);
        assertEquals(200, reply.status(), query + " -> " + reply.body());
        return reply.json();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("rows").getValuesAs(JsonObject.class).stream().map(row -> row.getString("name")).toList();
    }

    @Test
    void theAllWorkspacesQuerySortsFiltersAndPagesInTheDatabase() {
        String tag = ApiFixture.unique("q");
        String erin = fixture.person(tag + "erin");
        String finn = fixture.person(tag + "finn");
        Api.Reply quota = api.send("PUT", "/api/v1/admin/users/" + erin + "/quota", admin, "{\"maxRunning\":1,\"maxTotal\":20}");
        assertEquals(200, quota.status(), "12 workspaces are more than the default quota: " + quota.body());
        String erinToken = api.token(erin, PASSWORD);
        String finnToken = api.token(finn, PASSWORD);
        for (int i = 0; i < 12; i++) {
            fixture.workspace(erinToken, "e-" + (char) ('a' + (i * 5) % 12) + "-" + i, "blank");
        }
        for (int i = 0; i < 5; i++) {
            fixture.workspace(finnToken, "F-" + i, "blank");
        }

        JsonObject all = adminList("owner=" + tag + "&limit=500");
        assertEquals(17, all.getInt("total"));
        JsonObject erinsByName = adminList("owner=" + erin.toUpperCase() + "&sort=name&order=asc&limit=5");
        assertEquals(12, erinsByName.getInt("total"), "total counts every match, not the page");
        assertEquals(5, erinsByName.getJsonArray("rows").size());
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 12; offset += 5) {
            pages.addAll(names(adminList("owner=" + erin + "&sort=name&order=asc&limit=5&offset=" + offset)));
        }
        List<String> sorted = new ArrayList<>(pages);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, pages, "pages follow the sort");
        assertEquals(12, new HashSet<>(pages).size(), "no workspace on two pages");

        List<String> descending = names(adminList("owner=" + tag + "&sort=owner&order=desc&limit=5"));
        assertTrue(descending.stream().allMatch(name -> name.startsWith("F-")), "finn sorts after erin: " + descending);
        assertEquals(List.of("F-3"), names(adminList("owner=" + tag + "&name=f-3")), "name filter, any case");
        assertEquals(0, adminList("owner=" + tag + "&status=running").getInt("total"));
        assertEquals(17, adminList("owner=" + tag + "&status=STOPPED").getInt("total"));
        assertEquals(0, adminList("name=" + URLEncoder.encode("(.*", StandardCharsets.UTF_8)).getInt("total"),
                "typed text is matched literally, a regex does not crash or match all");

        assertProblem("sort=password", 400, "unknown_sort_field");
        assertProblem("status=sleeping", 400, "unknown_status");
        assertProblem("order=sideways", 400, "unknown_sort_order");
        assertProblem("limit=abc", 400, "invalid_limit");
        assertProblem("limit=100000", 400, "invalid_limit");
        assertProblem("offset=-5", 400, "invalid_offset");
        assertProblem("owner=" + "x".repeat(200), 400, "filter_too_long");

        Api.Reply asUser = api.get("/api/v1/admin/workspaces", erinToken);
        assertEquals(403, asUser.status(), asUser.body());
        assertEquals("forbidden", asUser.error());
    }

    private void assertProblem(String query, int status, String error) {
        Api.Reply reply = api.get("/api/v1/admin/workspaces?" + query, admin);
        assertEquals(status, reply.status(), query + " -> " + reply.body());
        assertEquals(error, reply.error(), reply.body());
        assertFalse(reply.json().getString("message").isBlank());
    }

    @Test
    void theAuditSearchFiltersByUserAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String gina = fixture.person("gina");
        String token = api.token(gina, PASSWORD);
        fixture.workspace(token, "audited", "blank");
        JsonObject page = api.get("/api/v1/admin/audit?actor=" + gina + "&from=" + before, admin).json();
        assertTrue(page.getInt("total") >= 1, page.toString());
        JsonArray events = page.getJsonArray("events");
        assertEquals("workspace.create", events.getJsonObject(0).getString("action"));
        assertTrue(events.getValuesAs(JsonObject.class).stream().allMatch(e -> e.getString("actor").equals(gina)));
        assertEquals(0, api.get("/api/v1/admin/audit?actor=" + gina + "&to=" + before, admin).json().getInt("total"));

        Api.Reply backwards = api.get("/api/v1/admin/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin);
        assertEquals(400, backwards.status());
        assertEquals("invalid_time_range", backwards.error());
        Api.Reply vague = api.get("/api/v1/admin/audit?from=yesterday", admin);
        assertEquals(400, vague.status());
        assertEquals("invalid_time", vague.error());
        assertEquals(403, api.get("/api/v1/admin/audit", token).status());
    }

    @Test
    void adminSeesCapacityAndPortMapFiltersAndForceStopsWhileAUserIsRefused() throws Exception {
        try {
            adminConsoleInTheBrowser();
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page showed when a wait gave up, for whoever reads the failure.
            Browser.screenshot(driver, "admin-failure");
            java.nio.file.Files.writeString(Browser.screenshot(driver, "admin-failure").resolveSibling("admin-failure.html"),
                    driver.getPageSource());
            throw e;
        }
    }

    private void adminConsoleInTheBrowser() throws Exception {
        String carol = fixture.person("carol");
        String carolToken = api.token(carol, PASSWORD);
        String running = fixture.workspace(carolToken, "alpha", "blank");
        fixture.workspace(carolToken, "beta", "blank");
        fixture.workspace(fixture.personsToken("dave"), "gamma", "blank");
        Api.Reply started = api.post("/api/v1/workspaces/" + running + "/start", carolToken, null);
        assertEquals(200, started.status(), started.body());
        int idePort = started.json().getInt("idePort");

        JsonObject capacity = api.get("/api/v1/admin/capacity", admin).json();
        assertTrue(capacity.getJsonObject("engine").getBoolean("reachable"), capacity.toString());
        assertTrue(capacity.getJsonArray("portMap").getValuesAs(JsonObject.class).stream()
                .anyMatch(h -> h.getInt("port") == idePort && carol.equals(h.getString("owner"))
                        && "alpha".equals(h.getString("workspaceName"))), capacity.toString());

        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "/admin/");
        Browser.submitSignIn(driver, "admin", KalpanaDeployment.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.titleContains("Admin console"));
        WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-host")));
        assertTrue(host.getText().contains("CPUs"), host.getText());
        assertTrue(driver.findElement(By.id("card-fit")).getText().contains("by memory"));
        WebElement containers = driver.findElement(By.id("console:containers"));
        assertTrue(containers.getText().contains("alpha") && containers.getText().contains(carol), containers.getText());
        Browser.screenshot(driver, "admin-01-capacity");

        WebElement portMap = driver.findElement(By.id("console:portMap"));
        assertTrue(portMap.getText().contains(String.valueOf(idePort)), portMap.getText());
        scrollTo(portMap);
        Browser.screenshot(driver, "admin-02-port-map");

        WebElement ownerFilter = driver.findElement(By.id("console:workspaces:owner:filter"));
        scrollTo(driver.findElement(By.id("workspaces-section")));
        ownerFilter.sendKeys(carol);
        wait.until(d -> rowTexts(d, ".k-owner").size() == 2 && rowTexts(d, ".k-owner").stream().allMatch(carol::equals));
        By nameHeader = By.cssSelector("#console\\:workspaces\\:name .ui-column-title");
        clickWhenSettled(wait, nameHeader);
        wait.until(d -> rowTexts(d, ".k-name").equals(List.of("alpha", "beta")));
        clickWhenSettled(wait, nameHeader);
        wait.until(d -> rowTexts(d, ".k-name").equals(List.of("beta", "alpha")));
        Browser.screenshot(driver, "admin-03-table-filtered-sorted");

        clickWhenSettled(wait, By.cssSelector("button[id$=':forceStop']"));
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertTrue(confirm.getText().contains("alpha") && confirm.getText().contains(carol), confirm.getText());
        Browser.screenshot(driver, "admin-04-confirm-stop");
        driver.findElement(By.id("console:confirmYes")).click();
        wait.until(d -> rowTexts(d, ".k-status").equals(List.of("STOPPED", "STOPPED")));
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + running, carolToken).json().getString("status"));
        wait.until(d -> !d.findElement(By.id("console:containers")).getText().contains(carol));
        Browser.screenshot(driver, "admin-05-force-stopped");

        // Live: carol starts it again through the API; the console shows it without a reload.
        assertEquals(200, api.post("/api/v1/workspaces/" + running + "/start", carolToken, null).status());
        wait.until(d -> rowTexts(d, ".k-status").equals(List.of("STOPPED", "RUNNING")));

        WebElement actor = driver.findElement(By.id("console:auditActor"));
        scrollTo(actor);
        actor.sendKeys("admin");
        driver.findElement(By.id("console:auditSearch")).click();
        wait.until(d -> rowTexts(d, ".k-actor").stream().allMatch("admin"::equals)
                && d.findElement(By.id("console:audit")).getText().contains("workspace.stop"));
        Browser.screenshot(driver, "admin-06-audit");

        scrollTo(driver.findElement(By.id("users-section")));
        assertFalse(driver.findElement(By.id("users:quotaRunning_input")).getAttribute("value").isBlank(),
                "the quota form shows the limits of the person its menu shows");
        // Among many accounts (a long-lived database) the person is found by the filter, not by paging.
        driver.findElement(By.id("users:userTable:user:filter")).sendKeys(carol);
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("[id='users:userTable'] tbody .k-username")).stream().map(WebElement::getText).toList()
                .equals(List.of(carol)));
        Browser.screenshot(driver, "admin-07-user-found-by-filter");
        clickWhenSettled(wait, By.xpath("//tr[td//span[@class='k-username' and text()='" + carol + "']]//button[contains(@id,':pick')]"));
        wait.until(d -> d.findElement(By.id("users:quotaUser_label")).getText().equals(carol));
        // The spinner reformats on every key, so its text is replaced by selecting all of it, not by clear().
        driver.findElement(By.id("users:quotaRunning_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "1");
        driver.findElement(By.id("users:quotaTotal_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        driver.findElement(By.id("users:saveQuota")).click();
        wait.until(d -> d.findElement(By.xpath("//tr[td//span[@class='k-username' and text()='" + carol + "']]")).getText()
                .contains("1 / 5 (own quota)"));

        String idleBefore = api.get("/api/v1/admin/settings", admin).json().getString("idleTimeout");
        WebElement idle = driver.findElement(By.id("settings:idleTimeout"));
        scrollTo(driver.findElement(By.id("settings-section")));
        idle.clear();
        idle.sendKeys("soon");
        driver.findElement(By.id("settings:saveSettings")).click();
        wait.until(d -> d.findElement(By.id("console:growl_container")).getText().contains("ISO-8601"));
        idle = driver.findElement(By.id("settings:idleTimeout"));
        idle.clear();
        idle.sendKeys("PT45M");
        driver.findElement(By.id("settings:saveSettings")).click();
        wait.until(d -> d.findElement(By.id("console:growl_container")).getText().contains("Settings saved"));
        assertEquals("PT45M", api.get("/api/v1/admin/settings", admin).json().getString("idleTimeout"),
                "stored and in force without a restart");
        Browser.screenshot(driver, "admin-08-users-and-settings");
        api.send("PUT", "/api/v1/admin/settings", admin, "{\"idleTimeout\":\"" + idleBefore + "\"}");

        driver.quit();
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "/");
        Browser.submitSignIn(driver, carol, PASSWORD);
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        assertTrue(driver.findElements(By.id("nav-admin")).isEmpty(), "no admin link for a user");
        driver.get(base + "/admin/");
        wait.until(ExpectedConditions.titleContains("403"));
        assertTrue(driver.getPageSource().contains("The admin console is for administrators"), driver.getPageSource());
        assertTrue(driver.getPageSource().contains(carol));
        Browser.screenshot(driver, "admin-09-user-refused");
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private static List<String> rowTexts(org.openqa.selenium.WebDriver driver, String css) {
        try {
            return driver.findElements(By.cssSelector("#console\\:workspaces tbody " + css + ", #console\\:audit tbody " + css))
                    .stream().map(WebElement::getText).toList();
        } catch (StaleElementReferenceException e) {
            return List.of("(re-rendering)");
        }
    }

    /** The live channel may re-render the table between finding an element and clicking it. */
    private static void clickWhenSettled(WebDriverWait wait, By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }
}
