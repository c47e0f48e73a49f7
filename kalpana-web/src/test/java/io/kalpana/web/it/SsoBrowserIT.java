package io.kalpana.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People signing in to Kalpana (oidc mode) on Keycloak's own login page in Debian's Chromium: each sees their own
 * workspaces, admins reach admin endpoints, someone without a mapped group gets a page that says what to ask for,
 * and signing out ends the Keycloak session too.
 */
@EnabledIfSystemProperty(named = "kalpana.test.sso", matches = "true")
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class SsoBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private final Keycloak keycloak = new Keycloak();
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private Api api;

    @BeforeEach
    void openBrowser() throws Exception {
        URL url = KalpanaDeployment.onLoopback(reported);
        base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        api = new Api(url);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aliceSeesOnlyHerWorkspacesAndSigningOutEndsTheKeycloakSession() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String bobs = "bobs-secret-" + suffix;
        String alices = "alices-project-" + suffix;
        createWorkspace("bob", bobs);
        createWorkspace("alice", alices);

        driver.get(base + "/");
        waitForKeycloakLogin();
        Browser.screenshot(driver, "sso-01-keycloak-login");
        signInOnKeycloak("alice");

        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        assertEquals("alice", driver.findElement(By.id("signed-in-as")).getText());
        String dashboard = driver.findElement(By.id("dashboard:workspaces")).getText();
        assertTrue(dashboard.contains(alices), dashboard);
        assertFalse(dashboard.contains(bobs), "bob's workspace is not on alice's dashboard: " + dashboard);
        Browser.screenshot(driver, "sso-02-alice-dashboard");

        driver.get(base + "/api/v1/admin/ports");
        String refused = driver.findElement(By.tagName("body")).getText();
        assertTrue(refused.contains("\"error\":\"forbidden\""), refused);

        driver.get(base + "/");
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        driver.findElement(By.id("signout")).click();
        WebElement signedOut = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertTrue(driver.getCurrentUrl().startsWith(base + "/login.xhtml"), driver.getCurrentUrl());
        assertTrue(signedOut.getText().contains("You are signed out"), signedOut.getText());
        Browser.screenshot(driver, "sso-03-signed-out");

        driver.findElement(By.id("sso-signin")).click();
        waitForKeycloakLogin();
        assertTrue(driver.findElement(By.id("password")).isDisplayed(), "Keycloak asks for the password again");
        Browser.screenshot(driver, "sso-04-keycloak-asks-again");
    }

    @Test
    void carolAsAdminReachesTheAdminEndpoints() throws Exception {
        driver.get(base + "/index.xhtml");
        waitForKeycloakLogin();
        signInOnKeycloak("carol");
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
        assertEquals("carol", driver.findElement(By.id("signed-in-as")).getText());

        driver.get(base + "/api/v1/admin/ports");
        String ports = driver.findElement(By.tagName("body")).getText();
        assertTrue(ports.contains("\"range\":\""), ports);
        Browser.screenshot(driver, "sso-05-carol-admin-ports");
    }

    @Test
    void daveWithoutAKalpanaGroupIsRefusedWithAClearPage() throws Exception {
        driver.get(base + "/");
        waitForKeycloakLogin();
        signInOnKeycloak("dave");
        WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-access")));
        assertTrue(page.getText().contains("dave has no Kalpana access"), page.getText());
        assertTrue(page.getText().contains("kalpana-users"), page.getText());
        Browser.screenshot(driver, "sso-06-dave-refused");

        driver.get(base + "/index.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-access")));
        assertFalse(driver.getTitle().contains("Your workspaces"), "no dashboard for dave");
    }

    private void createWorkspace(String user, String name) {
        Api.Reply created = api.post("/api/v1/workspaces", keycloak.accessToken(user), "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
    }

    private void waitForKeycloakLogin() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertTrue(driver.getCurrentUrl().startsWith(KeycloakExtension.issuer()), driver.getCurrentUrl());
    }

    private void signInOnKeycloak(String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Keycloak.password(user));
        driver.findElement(By.id("kc-login")).click();
    }
}
