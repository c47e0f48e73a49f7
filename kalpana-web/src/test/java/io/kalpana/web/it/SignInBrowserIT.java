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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person signing in with Debian's Chromium, checked by what the page shows and by screenshots. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInBrowserIT {

    private static final String PASSWORD = "browser-test-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private String username;
    private Api api;
    private ApiFixture fixture;

    @BeforeEach
    void openBrowser() throws Exception {
        URL url = KalpanaDeployment.onLoopback(reported);
        base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        api = new Api(url);
        fixture = new ApiFixture(api, PASSWORD);
        username = fixture.person("dana");
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // A live reload may replace an element between finding and using it; the wait then tries again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        fixture.removeWorkspaces();
    }

    @Test
    void signInShowsAnEmptyDashboardAndWorkspaceNamesAreText() throws Exception {
        driver.get(base + "/");
        wait.until(ExpectedConditions.titleContains("Sign in"));
        assertTrue(driver.getCurrentUrl().contains("/login.xhtml"), driver.getCurrentUrl());
        Browser.screenshot(driver, "01-sign-in");

        Browser.submitSignIn(driver, username, "not-the-password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(error.getText().contains("Wrong username or password"), error.getText());
        Browser.screenshot(driver, "02-wrong-password");

        Browser.submitSignIn(driver, username, PASSWORD);
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        assertEquals(username, driver.findElement(By.id("signed-in-as")).getText());
        WebElement empty = driver.findElement(By.id("dashboard:empty"));
        assertTrue(empty.getText().contains("No workspaces yet"), empty.getText());
        Browser.screenshot(driver, "03-empty-dashboard");

        String hostile = "<img src=x onerror=alert(1)>";
        driver.findElement(By.id("dashboard:new")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name")));
        name.sendKeys(hostile);
        // Only the name is under test here, not a container.
        driver.findElement(By.cssSelector("[id='create:startNow'] .ui-chkbox-box")).click();
        driver.findElement(By.id("create:createButton")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dashboard\\:workspaces .k-name")));
        assertEquals(hostile, shown(By.cssSelector("#dashboard\\:workspaces .k-name")), "the name is shown as text, not markup");
        assertEquals("STOPPED", shown(By.cssSelector("#dashboard\\:workspaces [class^=k-status-]")),
                "unticking Start it now creates the workspace stopped");
        assertTrue(driver.findElements(By.cssSelector("#dashboard\\:workspaces img")).isEmpty(), "no image element was injected");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        Browser.screenshot(driver, "04-workspace-created");

        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.titleContains("Sign in"));
        assertTrue(driver.getPageSource().contains("You are signed out"));
        driver.get(base + "/index.xhtml");
        wait.until(ExpectedConditions.titleContains("Sign in"));
    }

    @Test
    void aLiveChangeWaitsForAnOpenDeleteQuestionAndYesDeletesTheWorkspaceAskedAbout() throws Exception {
        String token = api.token(username, PASSWORD);
        fixture.workspace(token, "alpha", "blank");
        String beta = fixture.workspace(token, "beta", "blank");
        fixture.workspace(token, "gamma", "blank");
        driver.get(base + "/");
        Browser.submitSignIn(driver, username, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#dashboard\\:workspaces .ui-datatable-header"), "3 workspace(s)"));

        // Newest first: gamma, beta, alpha. A workspace made elsewhere while the question is open would push beta down.
        askToDelete("beta");
        fixture.workspace(token, "delta", "blank");
        awaitHeldReload();
        assertTrue(driver.findElement(By.cssSelector(".ui-confirm-dialog")).isDisplayed(), "the question stays open");
        assertEquals(3, driver.findElements(By.cssSelector("#dashboard\\:workspaces .k-name")).size(),
                "the table is not reloaded under the question");
        Browser.screenshot(driver, "05-delete-question-kept-open");
        driver.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).click();
        waitForNames(List.of("delta", "gamma", "alpha"));
        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-message")));
        assertTrue(said.getText().contains("Workspace 'beta' deleted"), said.getText());
        assertEquals(404, api.get("/api/v1/workspaces/" + beta, token).status(), "beta, the one asked about, is gone");
        assertEquals(List.of("delta", "gamma", "alpha"), namesThroughTheApi(token));

        // Keep it: the held-back change shows once the question is answered.
        askToDelete("gamma");
        fixture.workspace(token, "epsilon", "blank");
        awaitHeldReload();
        driver.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-no")).click();
        waitForNames(List.of("epsilon", "delta", "gamma", "alpha"));
        assertEquals(List.of("epsilon", "delta", "gamma", "alpha"), namesThroughTheApi(token), "Keep it deleted nothing");
        assertEquals(Boolean.FALSE, driver.executeScript("return KalpanaLive.isWaiting();"));
    }

    @Test
    void aRefusedStartOnTheWorkspacePageSaysWhyAndKeepsTheWorkspace() throws Exception {
        String token = api.token(username, PASSWORD);
        String id = fixture.workspace(token, "refused", "blank");
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        api.setQuota(admin, username, 0, 5);
        driver.get(base + "/");
        Browser.submitSignIn(driver, username, PASSWORD);
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        driver.get(base + "/workspace.xhtml?id=" + id);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("workspace:start"))).click();
        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-item-container.ui-growl-error")));
        assertTrue(said.getText().contains("You may not run any workspaces; ask an administrator to raise your limit"),
                said.getText());
        assertEquals("STOPPED", driver.findElement(By.id("workspace:status")).getText());
        assertEquals("Start", driver.findElement(By.cssSelector("[id='workspace:start'] .ui-button-text")).getText(),
                "the button is usable again, not left at Starting…");
        Browser.screenshot(driver, "06-workspace-page-start-refused");
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + id, token).json().getString("status"));
    }

    @Test
    void aClickAfterSigningOutInAnotherTabLeadsToTheSignInPageAndBack() throws Exception {
        String token = api.token(username, PASSWORD);
        String id = fixture.workspace(token, "kept", "blank");
        driver.get(base + "/");
        Browser.submitSignIn(driver, username, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#dashboard\\:workspaces .ui-datatable-header"), "1 workspace(s)"));
        inAnotherTab(() -> {
            driver.get(base + "/");
            driver.findElement(By.id("signout")).click();
            wait.until(ExpectedConditions.titleContains("Sign in"));
        });

        // Start is a partial request; before, its answer (the sign-in page) was dropped and the click did nothing.
        driver.findElement(By.cssSelector("[id$=':start']")).click();
        WebElement ended = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
        assertTrue(ended.getText().contains("Your session has ended"), ended.getText());
        Browser.screenshot(driver, "07-session-ended-in-another-tab");
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + id, token).json().getString("status"),
                "a click without a session changes nothing");

        Browser.submitSignIn(driver, username, PASSWORD);
        Browser.awaitSignedIn(driver, "Your workspaces");
        assertTrue(driver.getCurrentUrl().endsWith("/index.xhtml"), "back where the person was: " + driver.getCurrentUrl());
        assertEquals("kept", shown(By.cssSelector("#dashboard\\:workspaces .k-name")));
    }

    @Test
    void aClickOnAPageLeftOpenTooLongReloadsItAndSaysTheClickDidNothing() throws Exception {
        String token = api.token(username, PASSWORD);
        String id = fixture.workspace(token, "kept", "blank");
        driver.get(base + "/workspace.xhtml?id=" + id);
        Browser.submitSignIn(driver, username, PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("workspace:start")));
        // Pages opened in another tab since: more than the session keeps the state of.
        inAnotherTab(() -> {
            for (int page = 0; page < 20; page++) {
                driver.get(base + "/index.xhtml");
            }
        });

        driver.findElement(By.id("workspace:start")).click();
        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-item-container")));
        assertTrue(said.getText().contains("This page had expired, so your last click did nothing"), said.getText());
        assertTrue(driver.getCurrentUrl().endsWith("/workspace.xhtml?id=" + id), "the same page again: " + driver.getCurrentUrl());
        Browser.screenshot(driver, "08-expired-page-reloaded");
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + id, token).json().getString("status"));
        assertEquals("kept", shown(By.id("workspace:name")));
    }

    /** Does {@code what} in a second tab of the same browser (same session), closes it and comes back. */
    private void inAnotherTab(Runnable what) {
        String here = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        what.run();
        driver.close();
        driver.switchTo().window(here);
    }

    /** The text of an element, read again if the live reload replaces the element between finding and reading. */
    private String shown(By element) {
        return wait.until(d -> d.findElement(element).getText());
    }

    private void askToDelete(String name) {
        wait.until(d -> {
            WebElement row = d.findElements(By.cssSelector("#dashboard\\:workspaces tbody tr")).stream()
                    .filter(r -> r.findElement(By.cssSelector(".k-name")).getText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + name + ": " + shownNames()));
            row.findElement(By.cssSelector("button.ui-button-danger")).click();
            return true;
        });
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog-message")));
        assertTrue(question.getText().contains("Deleting '" + name + "'"), question.getText());
    }

    /** Until the page has a pushed change and holds it back for the open question. */
    private void awaitHeldReload() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("return KalpanaLive.isWaiting();")));
    }

    private void waitForNames(List<String> expected) {
        try {
            wait.until(d -> shownNames().equals(expected));
        } catch (TimeoutException e) {
            throw new AssertionError("the table shows " + shownNames() + ", not " + expected, e);
        }
    }

    private List<String> shownNames() {
        return driver.findElements(By.cssSelector("#dashboard\\:workspaces .k-name")).stream().map(WebElement::getText).toList();
    }

    private List<String> namesThroughTheApi(String token) {
        return ((JsonArray) api.get("/api/v1/workspaces", token).jsonValue()).getValuesAs(JsonObject.class).stream()
                .map(w -> w.getString("name")).toList();
    }
}
