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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

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

    @BeforeEach
    void openBrowser() throws Exception {
        URL url = KalpanaDeployment.onLoopback(reported);
        base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        Api api = new Api(url);
        username = new ApiFixture(api, PASSWORD).person("dana");
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signInShowsAnEmptyDashboardAndWorkspaceNamesAreText() throws Exception {
        driver.get(base + "/");
        wait.until(ExpectedConditions.titleContains("Sign in"));
        assertTrue(driver.getCurrentUrl().contains("/login.xhtml"), driver.getCurrentUrl());
        Browser.screenshot(driver, "01-sign-in");

        signIn(username, "not-the-password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(error.getText().contains("Wrong username or password"), error.getText());
        Browser.screenshot(driver, "02-wrong-password");

        signIn(username, PASSWORD);
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
        WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dashboard\\:workspaces .k-name")));
        assertEquals(hostile, cell.getText(), "the name is shown as text, not markup");
        assertEquals("STOPPED", driver.findElement(By.cssSelector("#dashboard\\:workspaces .k-status-STOPPED")).getText(),
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

    private void signIn(String user, String password) {
        WebElement usernameField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username")));
        usernameField.clear();
        usernameField.sendKeys(user);
        driver.findElement(By.id("signin:password")).sendKeys(password);
        driver.findElement(By.id("signin:submit")).click();
    }
}
