package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images in the pages: the admin console's table with how many workspaces run each, and the new-workspace dialog's
 * image menu following the template, checked in Debian's Chromium with screenshots. No container is started.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImagesBrowserIT {

    private static final String PASSWORD = "images-browser-test-password";
    private static final List<String> BUILT_IN = List.of("blank", "java-maven", "node", "python");

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
    private String teamImage;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void connect() throws Exception {
        URL url = KalpanaDeployment.onLoopback(reported);
        base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        api = new Api(url);
        fixture = new ApiFixture(api, PASSWORD);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        teamImage = ApiFixture.unique("team-py-");
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // A live reload may replace an element between finding and using it, and a menu's panel may still be
        // sliding open when its entry is clicked; the wait then tries again.
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(ElementNotInteractableException.class);
    }

    @AfterEach
    void cleanUp() {
        if (driver != null) {
            driver.quit();
        }
        fixture.removeWorkspacesAs(admin);
        api.send("DELETE", "/api/v1/admin/images/" + teamImage, admin, null);
        api.send("DELETE", "/api/v1/admin/images/" + teamImage + "-secret", admin, null);
    }

    @Test
    void theConsoleListsEveryImageWithTheWorkspacesOnIt() throws Exception {
        String token = fixture.personsToken("ivy");
        fixture.workspace(token, "py-one", "python");
        fixture.workspace(token, "py-two", "python");
        fixture.workspace(token, "node-one", "node");
        assertEquals(201, register(teamImage, List.of("python"), List.of("data-team")).status());

        driver.get(base + "/admin/");
        Browser.submitSignIn(driver, "admin", KalpanaDeployment.ADMIN_PASSWORD);
        onFailureShowPage("images-failure", () -> {
            wait.until(ExpectedConditions.titleContains("Admin console"));
            WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("images-section")));
            scrollTo(section);
            assertTrue(section.getText().contains("POST /api/v1/admin/images"), section.getText());
        });
        List<String> names = column(".k-image-name");
        assertEquals(BUILT_IN, names.subList(0, 4), "the built-in ones first, in template order: " + names);
        assertTrue(names.contains(teamImage), names.toString());
        try {
            wait.until(d -> countsAsTheApi());
        } catch (TimeoutException e) {
            throw new AssertionError("the table does not count what the API does: " + column("td"), e);
        }
        assertTrue(Long.parseLong(row("python").get(6)) >= 2, "ivy's two: " + row("python"));
        assertTrue(Long.parseLong(row("node").get(6)) >= 1, row("node").toString());
        assertEquals(List.of("python", "everyone", "built-in"), row("python").subList(3, 6));
        assertEquals("Kalpana's python image", row("python").get(2));
        List<String> team = row(teamImage);
        assertEquals(List.of("python", "data-team"), team.subList(3, 5), team.toString());
        assertTrue(team.get(5).startsWith("registered · ") && team.get(5).endsWith("UTC"), team.toString());
        assertEquals("0", team.get(6), "nobody runs the new image yet");
        Browser.screenshot(driver, "images-01-admin-console");
    }

    @Test
    void theDialogOffersTheTemplatesImagesAndShowsARefusedChoice() throws Exception {
        String jo = fixture.person("jo");
        assertEquals(201, register(teamImage, List.of("python"), List.of()).status());
        assertEquals(201, register(teamImage + "-secret", List.of(), List.of("nobody-" + teamImage)).status());
        driver.get(base + "/");
        Browser.submitSignIn(driver, jo, PASSWORD);
        wait.until(ExpectedConditions.titleContains("Your workspaces"));

        onFailureShowPage("images-dialog-failure", () -> {
            driver.findElement(By.id("dashboard:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name"))).sendKeys("py-dialog");
            assertTrue(label("create:image").startsWith("blank · "), "blank is the default template: " + label("create:image"));
            Browser.screenshot(driver, "images-02-dialog-opened");
            choose("create:template", "python");
            wait.until(d -> label("create:image").startsWith("python · kalpana-workspace-python"));
            List<String> offered = items("create:image");
            assertEquals(List.of("python", teamImage), offered.stream().map(item -> item.split(" · ")[0]).toList(),
                    "the template's own first, then the team's; not another group's: " + offered);
            Browser.screenshot(driver, "images-03-dialog-python-images");
            closeMenu("create:image");

            // The admin narrows the image to a group while the dialog is open: Create says so, nothing is made.
            choose("create:image", teamImage);
            Api.Reply narrowed = api.send("PUT", "/api/v1/admin/images/" + teamImage, admin,
                    body(List.of("python"), List.of("nobody-" + teamImage)));
            assertEquals(200, narrowed.status(), narrowed.body());
            driver.findElement(By.cssSelector("[id='create:startNow'] .ui-chkbox-box")).click();
            driver.findElement(By.id("create:createButton")).click();
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id='create:createMessages'] .ui-messages-error")));
            assertTrue(refused.getText().contains("The image '" + teamImage + "' is for the groups"), refused.getText());
            Browser.screenshot(driver, "images-04-dialog-refused-image");

            choose("create:image", "python");
            driver.findElement(By.id("create:createButton")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("create:name")));
            wait.until(d -> d.findElement(By.cssSelector("#dashboard\\:workspaces .k-image")).getText()
                    .equals("image python"));
        });
        List<JsonObject> mine = api.get("/api/v1/workspaces", api.token(jo, PASSWORD)).jsonValue().asJsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(1, mine.size(), "the refused choice made nothing: " + mine);
        String id = mine.get(0).getString("id");
        fixture.removeAfterwards(id, admin);
        assertEquals("python", mine.get(0).getString("template"));
        assertEquals("python", mine.get(0).getString("image"));
        Browser.screenshot(driver, "images-05-dashboard-shows-image");

        // The growl covers the button for a while (the live reload shows it again); what counts is the dialog.
        driver.executeScript("PF('createDialog').show()");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name")));
        assertEquals("blank", label("create:template"), "the dialog starts afresh after a create");
        assertTrue(label("create:image").startsWith("blank · "), label("create:image"));
        driver.get(base + "/workspace.xhtml?id=" + id);
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace:image")));
        assertEquals("· python template · image python", shown.getText());
        Browser.screenshot(driver, "images-06-workspace-page");
    }

    /**
     * Whether every row shows the reference and workspace count the admin API gives; if not (other tests may make
     * workspaces meanwhile, on the same database), presses Refresh for the next try.
     */
    private boolean countsAsTheApi() {
        Map<String, JsonObject> counted = images();
        for (String name : column(".k-image-name")) {
            List<String> cells = row(name);
            JsonObject image = counted.get(name);
            if (image == null || !image.getString("reference").equals(cells.get(1))
                    || !String.valueOf(image.getJsonNumber("workspaces").longValue()).equals(cells.get(6))) {
                driver.findElement(By.id("images:refreshImages")).click();
                return false;
            }
        }
        return true;
    }

    private interface Steps {
        void run() throws Exception;
    }

    /** What the page showed when a step gave up, for whoever reads the failure. */
    private void onFailureShowPage(String name, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (TimeoutException | AssertionError e) {
            Files.writeString(Browser.screenshot(driver, name).resolveSibling(name + ".html"), driver.getPageSource());
            throw e;
        }
    }

    /** Picks an entry of a PrimeFaces select menu the way a person does: open it, click the entry. */
    private void choose(String menu, String value) {
        wait.until(d -> {
            d.findElement(By.id(menu)).click();
            WebElement item = d.findElements(By.cssSelector("[id='" + menu + "_items'] li")).stream()
                    .filter(li -> li.isDisplayed() && (li.getAttribute("data-label").equals(value)
                            || li.getAttribute("data-label").startsWith(value + " · ")))
                    .findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
        wait.until(d -> label(menu).equals(value) || label(menu).startsWith(value + " · "));
    }

    /** Opens the menu and answers its entries as shown. */
    private List<String> items(String menu) {
        driver.findElement(By.id(menu)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(menu + "_panel")));
        return driver.findElements(By.cssSelector("[id='" + menu + "_items'] li")).stream().map(WebElement::getText).toList();
    }

    private void closeMenu(String menu) {
        driver.findElement(By.id(menu)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menu + "_panel")));
    }

    private String label(String menu) {
        return driver.findElement(By.id(menu + "_label")).getText();
    }

    private List<String> column(String css) {
        return driver.findElements(By.cssSelector("[id='images:imageTable'] tbody " + css)).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> row(String name) {
        WebElement row = driver.findElement(By.xpath("//*[@id='images:imageTable']//tbody/tr[td//span[contains("
                + "concat(' ', @class, ' '), ' k-image-name ') and text()='" + name + "']]"));
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private Api.Reply register(String name, List<String> templates, List<String> groups) {
        JsonObject body = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(body(templates, groups)))
                .readObject()).add("name", name).build();
        return api.post("/api/v1/admin/images", admin, body.toString());
    }

    /** The python image's reference under another name: registering checks the reference's form, not the host. */
    private String body(List<String> templates, List<String> groups) {
        return Json.createObjectBuilder().add("reference", images().get("python").getString("reference"))
                .add("description", "Python with the data team's tools")
                .add("templates", Json.createArrayBuilder(templates)).add("groups", Json.createArrayBuilder(groups))
                .build().toString();
    }

    private Map<String, JsonObject> images() {
        Api.Reply reply = api.get("/api/v1/admin/images", admin);
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(image -> image.getString("name"), image -> image));
    }
}
