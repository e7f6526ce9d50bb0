package org.militrend.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by chromedriver, for the dashboard's browser tests: it keeps
 * the console, checks that the page asked nothing of another host, and waits for the page's own
 * ready state.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    /** Console errors a test expects (e.g. the 400 of a deliberately bad filter). */
    final List<Predicate<String>> expectedConsoleErrors = new ArrayList<>();

    /** Why the browser cannot run here, or null when it can. */
    static String unavailable() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)
                ? null
                : "Chromium or chromedriver not installed (" + BINARY + ", " + DRIVER + ")";
    }

    Chromium(int width, int height) throws IOException {
        profile = Files.createTempDirectory("militrend-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    ChromeDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Opens a page and waits until it says it is ready for what its URL asks. */
    void open(String url) {
        driver.get(url);
        waitReady();
    }

    void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return document.body.dataset.state === 'ready'"
                                + " && (document.body.dataset.rendered === undefined"
                                + " || document.body.dataset.rendered === location.search)")));
    }

    /**
     * The file a download link offers once the pointer is on it: the page makes a chart's PNG or
     * the heat map's SVG when its link is about to be used (pointer, focus or click), not when
     * the panel is drawn.
     */
    String madeHref(String linkId) {
        WebElement link = driver.findElement(By.id(linkId));
        assertEquals("offered", link.getDomAttribute("data-href-state"), linkId + " offers no file to make");
        new Actions(driver).moveToElement(link).perform();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !"offered".equals(link.getDomAttribute("data-href-state")));
        assertEquals("ready", link.getDomAttribute("data-href-state"), linkId + ": " + link.getDomAttribute("title"));
        return link.getDomAttribute("href");
    }

    /** Starts a test with an empty console and no expected errors. */
    void reset() {
        expectedConsoleErrors.clear();
        driver.manage().logs().get(LogType.BROWSER);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Every request of the page went to its own origin, and the console holds no unexpected error. */
    void assertHygiene() {
        List<?> foreign = (List<?>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href]).filter(n => new URL(n).origin !== location.origin)");
        assertTrue(foreign.isEmpty(), "requests to other hosts: " + foreign);
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expectedConsoleErrors.stream().noneMatch(p -> p.test(e.getMessage()))) {
                errors.add(e.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), "browser console errors: " + errors);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
