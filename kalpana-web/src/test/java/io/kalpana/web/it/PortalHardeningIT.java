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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output escaping, forged requests, session fixation and security headers of the portal. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalHardeningIT {

    private static final String PASSWORD = "hardening-test-password";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    /** Runs before any script of every page: counts alerts instead of showing them. */
    private static final String ALERT_TRAP = "window.__xss = 0; window.alert = function () { window.__xss++; };";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private String base;

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
        base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
    }

    @AfterEach
    void removeWorkspaces() {
        fixture.removeWorkspaces();
    }

    @Test
    void aWorkspaceNamedLikeMarkupIsTextEverywhere() throws Exception {
        String name = fixture.person("xss");
        String token = api.token(name, PASSWORD);
        Api.Reply created = api.post("/api/v1/workspaces", token, "{\"name\":\"" + XSS + "\",\"template\":\"blank\"}");
        assertEquals(201, created.status(), "names may contain '<': " + created.body());
        String id = created.json().getString("id");
        fixture.removeAfterwards(id, token);
        ChromeDriver driver = Browser.start();
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ALERT_TRAP));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            driver.get(base + "/login.xhtml");
            Browser.submitSignIn(driver, name, PASSWORD);
            Browser.awaitSignedIn(driver, "Your workspaces");

            // The dashboard table.
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".k-name"), XSS));
            assertNoMarkupRan(driver, "dashboard");

            // An error message that quotes the name (the create dialog's duplicate check).
            driver.findElement(By.id("dashboard:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name"))).sendKeys(XSS);
            driver.findElement(By.id("create:createButton")).click();
            WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='create:createMessages'] .ui-messages-error")));
            assertTrue(message.getText().contains("named '" + XSS + "'"), message.getText());
            Browser.screenshot(driver, "30-xss-duplicate-message");
            assertNoMarkupRan(driver, "error message");
            driver.navigate().refresh();

            // Live status over the WebSocket: the row changes without a reload and still shows text.
            driver.executeScript("window.kalpanaNotReloaded = true;");
            assertEquals("RUNNING", api.post("/api/v1/workspaces/" + id + "/start", token, null).json().getString("status"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.k-open")));
            assertEquals(Boolean.TRUE, driver.executeScript("return window.kalpanaNotReloaded === true;"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".k-name"), XSS));
            assertNoMarkupRan(driver, "live status update");

            // The delete confirmation quotes the name in its header and message.
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.cssSelector("button.ui-button-danger")).click();
                return true;
            });
            WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog-message")));
            assertTrue(confirm.getText().contains("Deleting '" + XSS + "'"), confirm.getText());
            assertTrue(driver.findElement(By.cssSelector(".ui-confirm-dialog .ui-dialog-title")).getText().contains(XSS));
            Browser.screenshot(driver, "31-xss-delete-confirm");
            assertNoMarkupRan(driver, "delete confirmation");
            driver.findElement(By.cssSelector(".ui-confirmdialog-no")).click();

            // The pages written by hand: the IDE proxy's "stopped" page and Open IDE's error page.
            assertEquals("STOPPED", api.post("/api/v1/workspaces/" + id + "/stop", token, null).json().getString("status"));
            driver.get(base + "/w/" + id + "/ide/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".k-stopped"), XSS + " is stopped"));
            Browser.screenshot(driver, "32-xss-proxy-stopped-page");
            assertNoMarkupRan(driver, "IDE proxy page");
            driver.get(base + "/workspaces/open?id=" + id);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Workspace '" + XSS + "' is STOPPED"));
            assertNoMarkupRan(driver, "Open IDE page");

            // What an admin reaches of another person's workspace.
            driver.get(base + "/");
            driver.findElement(By.id("signout")).click();
            Browser.submitSignIn(driver, "admin", KalpanaDeployment.ADMIN_PASSWORD);
            Browser.awaitSignedIn(driver, "Your workspaces");
            driver.get(base + "/w/" + id + "/ide/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".k-stopped"), XSS + " is stopped"));
            assertNoMarkupRan(driver, "IDE proxy page for an admin");

            // The trap itself works: markup that does run is caught.
            driver.executeScript("document.body.insertAdjacentHTML('beforeend', arguments[0]);", XSS);
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Long.valueOf(1).equals(((ChromeDriver) d).executeScript("return window.__xss;")));
        } finally {
            driver.quit();
        }
    }

    private static void assertNoMarkupRan(ChromeDriver driver, String where) {
        assertEquals(0L, driver.executeScript("return window.__xss;"), "an alert ran on the " + where);
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('img[src=\"x\"]').length;"),
                "the name became an element on the " + where);
        assertTrue(driver.findElement(By.tagName("body")).getText().contains(XSS), "the name shows as text on the " + where);
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStaysAnonymous() throws Exception {
        String name = fixture.person("fix");
        PortalSession browser = new PortalSession(reported);
        browser.get("/login.xhtml");
        // The sign-in page keeps nothing in a session; an attacker's planted id is sent all the same.
        if (browser.sessionId().isEmpty()) {
            browser.useSessionId("planted0123456789abcdef");
        }
        String planted = browser.sessionId().orElseThrow();
        HttpResponse<String> signedIn = browser.signIn(name, PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String after = browser.sessionId().orElseThrow();
        assertNotEquals(planted, after, "sign-in changes the session id");
        assertEquals(200, browser.get("/index.xhtml").statusCode());

        PortalSession attacker = new PortalSession(reported);
        attacker.useSessionId(planted);
        HttpResponse<String> withPlanted = attacker.get("/index.xhtml");
        assertEquals(302, withPlanted.statusCode(), "the id from before sign-in is not signed in");
        assertTrue(withPlanted.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    }

    @Test
    void theSignInFormWorksWhicheverSessionCookieTheBrowserHoldsByThen() throws Exception {
        String name = fixture.person("late");
        PortalSession browser = new PortalSession(reported);
        String page = browser.get("/login.xhtml").body();
        // A request still under way from a page signed out a moment earlier hands the browser another session cookie
        // after the form arrived (CI saw it: the person was sent back to the form without a word).
        browser.useSessionId("ended0123456789abcdef");
        HttpResponse<String> signedIn = browser.post("/login.xhtml", PortalSession.signInForm(name, PASSWORD, page), browser.base);
        assertEquals(302, signedIn.statusCode(), "signed in, not sent back to the form: " + signedIn.body());
        assertEquals(browser.base + "/", signedIn.headers().firstValue("Location").orElse(""));
        assertEquals(200, browser.get("/index.xhtml").statusCode());
    }

    /** A person signed in through the form, with one stopped workspace, and the dashboard's view state. */
    private record OnTheDashboard(String token, String workspace, PortalSession browser, String viewState) {
    }

    private OnTheDashboard onTheDashboard(String prefix) throws Exception {
        String name = fixture.person(prefix);
        String token = api.token(name, PASSWORD);
        String id = fixture.workspace(token, "kept", "blank");
        PortalSession browser = new PortalSession(reported);
        assertEquals(302, browser.signIn(name, PASSWORD).statusCode());
        return new OnTheDashboard(token, id, browser, PortalSession.viewState(browser.get("/index.xhtml").body()));
    }

    @Test
    void aClickOnAPageWhoseSessionEndedLeadsToTheSignInPageWhichSaysSo() throws Exception {
        OnTheDashboard person = onTheDashboard("ended");
        PortalSession browser = person.browser();
        assertEquals(302, browser.post("/signout", Map.of(), browser.base).statusCode(), "signed out in another tab");

        // The page's click is a partial request: the redirect must come as a partial response for the page to follow.
        HttpResponse<String> click = browser.postAjax("/index.xhtml", PortalSession.deleteForm(0, person.workspace(), person.viewState()));
        assertEquals(200, click.statusCode(), click.body());
        assertTrue(click.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), click.headers().toString());
        String signInPage = java.net.URI.create(browser.base).getPath().replaceAll("/$", "")
                + "/login.xhtml?next=%2Findex.xhtml&ended=true";
        assertTrue(click.body().contains("<redirect url=\"" + signInPage.replace("&", "&amp;") + "\"/>"), click.body());
        assertEquals(200, api.get("/api/v1/workspaces/" + person.workspace(), person.token()).status(), "the click changed nothing");

        HttpResponse<String> reload = browser.get("/index.xhtml");
        assertEquals(302, reload.statusCode());
        assertTrue(reload.headers().firstValue("Location").orElse("").endsWith(signInPage), reload.headers().toString());
        assertTrue(browser.get(signInPage.substring(signInPage.indexOf("/login.xhtml"))).body().contains("Your session has ended"));

        PortalSession stranger = new PortalSession(reported);
        HttpResponse<String> neverSignedIn = stranger.get("/index.xhtml");
        assertFalse(neverSignedIn.headers().firstValue("Location").orElse("").contains("ended"),
                "someone who never signed in is not told a session ended");
        assertFalse(stranger.get("/login.xhtml").body().contains("Your session has ended"));
    }

    @Test
    void aClickOnAPageTheSessionNoLongerKeepsReloadsItAndSaysTheClickDidNothing() throws Exception {
        OnTheDashboard person = onTheDashboard("stale");
        PortalSession browser = person.browser();
        // More pages opened since than the session keeps the state of (com.sun.faces.numberOfLogicalViews, 15).
        for (int page = 0; page < 20; page++) {
            assertEquals(200, browser.get("/index.xhtml").statusCode());
        }
        String context = java.net.URI.create(browser.base).getPath().replaceAll("/$", "");

        HttpResponse<String> click = browser.postAjax("/index.xhtml", PortalSession.deleteForm(0, person.workspace(), person.viewState()));
        assertEquals(200, click.statusCode(), click.body());
        assertTrue(click.body().contains("<redirect url=\"" + context + "/index.xhtml\""), click.body());
        assertEquals(200, api.get("/api/v1/workspaces/" + person.workspace(), person.token()).status(), "the click changed nothing");
        assertTrue(browser.get("/index.xhtml").body().contains("This page had expired, so your last click did nothing"),
                "the reloaded page says why nothing happened");
        assertFalse(browser.get("/index.xhtml").body().contains("This page had expired"), "and says it once");

        // Without JavaScript, and from the workspace page, whose address the bare form post does not carry.
        HttpResponse<String> post = browser.post("/index.xhtml", PortalSession.createForm("late", "blank", "", "", person.viewState()), browser.base);
        assertEquals(302, post.statusCode(), post.body());
        assertTrue(post.headers().firstValue("Location").orElse("").endsWith(context + "/index.xhtml"), post.headers().toString());
        assertFalse(api.get("/api/v1/workspaces", person.token()).body().contains("\"late\""));
        HttpResponse<String> fromWorkspacePage = browser.postAjax("/workspace.xhtml", Map.of("workspace", "workspace",
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "workspace:start", "workspace:start", "workspace:start",
                "jakarta.faces.ViewState", person.viewState()), Map.of("Referer", browser.base + "/workspace.xhtml?id=" + person.workspace()));
        assertTrue(fromWorkspacePage.body().contains("<redirect url=\"" + context + "/workspace.xhtml?id=" + person.workspace() + "\""),
                fromWorkspacePage.body());
        Map<String, String> aClick = Map.of("workspace", "workspace", "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.ViewState", person.viewState());
        HttpResponse<String> elsewhere = browser.postAjax("/workspace.xhtml", aClick,
                Map.of("Referer", "https://evil.example/workspace.xhtml?id=" + person.workspace()));
        assertTrue(elsewhere.body().contains("<redirect url=\"" + context + "/workspace.xhtml\""), elsewhere.body());
        HttpResponse<String> offSite = browser.postAjax("/workspace.xhtml", aClick,
                Map.of("Referer", browser.base + "//evil.example/workspace.xhtml"));
        assertTrue(offSite.body().contains("<redirect url=\"" + context + "/\""), "a path that leaves the site goes home: " + offSite.body());
        assertEquals("STOPPED", api.get("/api/v1/workspaces/" + person.workspace(), person.token()).json().getString("status"));
    }

    @Test
    void forgedFormPostsChangeNothing() throws Exception {
        String name = fixture.person("csrf");
        String token = api.token(name, PASSWORD);
        PortalSession browser = new PortalSession(reported);
        assertEquals(302, browser.signIn(name, PASSWORD).statusCode());
        String dashboard = browser.get("/index.xhtml").body();
        String viewState = PortalSession.viewState(dashboard);

        HttpResponse<String> fromElsewhere = browser.post("/index.xhtml", PortalSession.createForm("from-evil", "blank", "", "", viewState), "https://evil.example");
        assertEquals(403, fromElsewhere.statusCode(), "a post from another site is refused");
        assertTrue(fromElsewhere.body().contains("cross_site_request"), fromElsewhere.body());
        HttpResponse<String> forgedState = browser.post("/index.xhtml", PortalSession.createForm("forged-state", "blank", "", "", "-1234567890:987654321"), null);
        assertFalse(api.get("/api/v1/workspaces", token).body().contains("forged-state"),
                "a post without the form's secret view state does nothing (" + forgedState.statusCode() + ")");
        assertFalse(api.get("/api/v1/workspaces", token).body().contains("from-evil"));

        HttpResponse<String> genuine = browser.post("/index.xhtml", PortalSession.createForm("genuine", "blank", "", "", viewState), browser.base);
        assertTrue(api.get("/api/v1/workspaces", token).body().contains("\"genuine\""),
                "the same post from Kalpana's own page works (" + genuine.statusCode() + ")");

        HttpResponse<String> signOutFromElsewhere = browser.post("/signout", Map.of(), "https://evil.example");
        assertEquals(403, signOutFromElsewhere.statusCode());
        assertEquals(200, browser.get("/index.xhtml").statusCode(), "still signed in");
        assertEquals(302, browser.post("/signout", Map.of(), browser.base).statusCode());
        assertEquals(302, browser.get("/index.xhtml").statusCode(), "signed out by Kalpana's own form");
    }

    @Test
    void aRowActionNamingAnotherPersonsWorkspaceChangesNothing() throws Exception {
        String name = fixture.person("row");
        String token = api.token(name, PASSWORD);
        String own = fixture.workspace(token, "mine", "blank");
        String othersToken = fixture.personsToken("other");
        String others = fixture.workspace(othersToken, "theirs", "blank");
        PortalSession browser = new PortalSession(reported);
        assertEquals(302, browser.signIn(name, PASSWORD).statusCode());
        String viewState = PortalSession.viewState(browser.get("/index.xhtml").body());

        // The id now travels with the click, so the server must not take it on trust.
        HttpResponse<String> forged = browser.post("/index.xhtml", PortalSession.deleteForm(0, others, viewState), browser.base);
        assertEquals(200, forged.statusCode(), forged.body());
        assertTrue(said(forged).contains("There is no workspace '" + others + "'"), forged.body());
        assertEquals(200, api.get("/api/v1/workspaces/" + others, othersToken).status(), "the other person's workspace is kept");
        assertEquals(200, api.get("/api/v1/workspaces/" + own, token).status(), "the row's own workspace is kept too");

        HttpResponse<String> missing = browser.post("/index.xhtml", PortalSession.deleteForm(0, "", viewState), browser.base);
        assertTrue(said(missing).contains("There is no workspace ''"), missing.body());
        assertEquals(200, api.get("/api/v1/workspaces/" + own, token).status());

        // The same post naming the person's own workspace does delete it: the forged ones failed on the id alone.
        HttpResponse<String> genuine = browser.post("/index.xhtml", PortalSession.deleteForm(0, own, viewState), browser.base);
        assertTrue(said(genuine).contains("Workspace 'mine' deleted"), genuine.body());
        assertEquals(404, api.get("/api/v1/workspaces/" + own, token).status());
    }

    /** A partial answer's text with the growl's escaped quotes read back. */
    private static String said(HttpResponse<String> partial) {
        return partial.body().replace("\\x27", "'");
    }

    @Test
    void pagesAndTheIdeProxyCarryTheirSecurityHeaders() throws Exception {
        PortalSession browser = new PortalSession(reported);
        HttpResponse<String> login = browser.get("/login.xhtml");
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"), policy);
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "the sign-in page starts no session");
        HttpResponse<String> signedIn = browser.signIn(fixture.person("cookie"), PASSWORD);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
    }
}
