package io.kalpana.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "/login.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:username"))).sendKeys(username);
        driver.findElement(By.id("signin:password")).sendKeys(password);
        driver.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.titleContains("Your workspaces"));
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path directory = Path.of(System.getProperty("kalpana.test.artifacts", "target/test-artifacts"));
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
