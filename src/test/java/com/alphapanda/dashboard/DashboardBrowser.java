package com.alphapanda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on a fresh profile, watching every
 * request the page makes and every console message: a request to any host but the application, or a console error
 * the test did not expect, fails the test. No Chromium means the test fails, it is never skipped.
 */
final class DashboardBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("alpha-panda.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("alpha-panda.test.chromedriver", "/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final ChromeDriver driver;
    private final String origin;
    private final Path profile;
    private final List<String> foreignRequests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> expectedErrors = new ArrayList<>();

    DashboardBrowser(int port) throws IOException {
        assertThat(new File(CHROMIUM).canExecute()).as(CHROMIUM + " (apt-get install chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as(CHROMEDRIVER + " (apt-get install chromium-driver)").isTrue();
        origin = "http://localhost:" + port;
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(origin + path);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks the element once it is there, even if a re-render replaces it meanwhile. */
    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(by, text));
    }

    /** Emulates a phone screen (390 × 844 CSS pixels, touch, mobile viewport) for the rest of the test. */
    void emulatePhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The viewport's width in CSS pixels. */
    long viewportWidth() {
        return ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
    }

    /** How many CSS pixels the page is wider than the viewport (0 or less: no sideways scrolling). */
    long horizontalOverflow() {
        return ((Number) driver.executeScript("""
                return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
                  - document.documentElement.clientWidth;""")).longValue();
    }

    /** Sets an input's value as a user picking it would (for date-time pickers), firing input and change. */
    void setValue(By by, String value) {
        driver.executeScript("""
                const e = arguments[0]; e.value = arguments[1];
                e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));""",
                await(by), value);
    }

    /** Waits until the element's text contains the fragment; returns the text. */
    String awaitTextContaining(By by, String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(by, fragment));
        return driver.findElement(by).getText();
    }

    /** Answers the confirmation dialog: types the reason (when asked) and confirms. */
    void confirm(String reason) {
        if (reason != null) {
            await(By.id("confirm-reason")).sendKeys(reason);
        }
        await(By.id("confirm-ok")).click();
    }

    void signIn(String token) {
        open("/");
        await(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** A console error the test provokes on purpose (e.g. the 401 of a wrong token), matched by these fragments. */
    void expectConsoleError(String... fragments) {
        expectedErrors.add(String.join("\u0000", fragments));
    }

    /** Saves a screenshot of the page as it is now under {@code target/dashboard-screenshots/}. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "dashboard-screenshots");
        Files.createDirectories(dir);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads the logs so far; fails on a request to another host or an unexpected console error. */
    void assertOnlyTheApplicationWasContactedAndNoConsoleError() {
        collect();
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(foreignRequests).as("requests to hosts other than " + origin).isEmpty();
            soft.assertThat(consoleErrors).as("JavaScript console errors").isEmpty();
        });
    }

    private void collect() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asString("").equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asString("");
                // chrome:// is the browser's own start page, built in: no network, no host
                if (!(url.equals(origin) || url.startsWith(origin + "/") || url.startsWith("data:")
                        || url.startsWith("chrome://"))) {
                    foreignRequests.add(url);
                }
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected(entry.getMessage())) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    private boolean expected(String message) {
        return expectedErrors.stream().anyMatch(e -> List.of(e.split("\u0000")).stream().allMatch(message::contains));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
