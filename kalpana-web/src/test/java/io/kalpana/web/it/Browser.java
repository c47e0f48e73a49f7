package io.kalpana.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Debian's headless Chromium driven by its own chromedriver: nothing is downloaded. */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("kalpana.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("kalpana-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("kalpana.test.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Signs in through the portal's form and waits for the dashboard. */
    static void signIn(ChromeDriver driver, String base, String username, String password) {
        driver.get(base + "/login.xhtml");
        submitSignIn(driver, username, password);
        awaitSignedIn(driver, "Your workspaces");
    }

    /** Fills in and sends the sign-in form of the page the browser shows (or is about to show). */
    static void submitSignIn(ChromeDriver driver, String username, String password) {
        WebElement name = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username")));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver.findElement(By.id("signin:password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("signin:submit")).click();
    }

    /** Waits for the page a sign-in leads to; if the sign-in page stays instead, fails with what that page says. */
    static void awaitSignedIn(ChromeDriver driver, String title) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.titleContains(title));
        } catch (TimeoutException stayed) {
            throw new AssertionError("no page '" + title + "' after signing in; " + driver.getCurrentUrl() + " shows: "
                    + driver.findElement(By.tagName("body")).getText(), stayed);
        }
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path directory = Path.of(System.getProperty("kalpana.test.artifacts", "target/test-artifacts"));
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
