package org.prakerja.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's browser: Debian's headless Chromium driven by Selenium through Debian's chromedriver
 * (an explicit path, so Selenium never tries to download one). Beside clicking and typing it checks
 * what docs/portal.md asks of every page: axe-core finds no serious or critical violation, the page and
 * what it loads weigh at most 60 KB on a first visit, and it saves screenshots at 360 and 1280 px
 * under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final long PAGE_BUDGET_BYTES = 60 * 1024;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String axeSource;

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, true);
    }

    /**
     * {@code javascript} false: a browser with JavaScript switched off (Chromium's content setting), to
     * prove the core forms work without it, as docs/portal.md asks.
     */
    public Browser(int port, boolean javascript) {
        Path chromedriver = Path.of(System.getProperty("prakerja.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromedriver)) {
            throw new IllegalStateException(chromedriver + " is missing: run the tests with ./mvnw verify, which installs"
                    + " Debian's chromium and chromium-driver first (bin/test-prerequisites)");
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("prakerja.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=id");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        this.base = "http://localhost:" + port;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return find("body").getText();
    }

    public Browser type(String name, String value) {
        var field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Browser select(String name, String visibleValue) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name(name))).selectByValue(visibleValue);
        return this;
    }

    public Browser tick(String name) {
        var box = driver.findElement(By.name(name));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Chooses the radio button of a group by its value. */
    public Browser tick(String name, String value) {
        for (int attempt = 1; ; attempt++) {
            try {
                var radio = find("input[name='" + name + "'][value='" + value + "']");
                if (!radio.isSelected()) {
                    radio.click();
                }
                return this;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium under load now and then reports a node of a document it has just settled
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Clicks a button or link that leads to another page, and waits until that page has replaced this
     * one (a click returns before the answer to a form has loaded).
     */
    public Browser submit(String css) {
        var page = find("html");
        find(css).click();
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> replaced(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page's root element is gone. Chromium under load may answer for a node of a document
     * it has just replaced with "does not belong to the document" instead of a stale reference: gone too.
     */
    public static boolean replaced(WebElement root) {
        try {
            root.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The form field's own error message shown beside it, or null. */
    public String fieldError(String name) {
        var found = driver.findElements(By.id(name + "-error"));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    // --- what docs/portal.md asks of every page

    /** axe-core's serious and critical violations on the page as it stands; empty is the bar. */
    public List<String> accessibilityViolations() {
        driver.executeScript(axeSource());
        String result = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        var found = new ArrayList<String>();
        for (JsonNode v : JSON.readTree(result)) {
            String impact = v.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                var targets = new ArrayList<String>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                found.add(impact + " " + v.path("id").asString() + ": " + v.path("help").asString() + " at " + targets);
            }
        }
        return found;
    }

    public Browser assertAccessible() {
        assertThat(accessibilityViolations()).as("axe-core on " + path()).isEmpty();
        return this;
    }

    /**
     * Bytes over the wire (compressed, headers included) for the page and everything it loaded, as
     * on a first visit: the browser's cache is emptied and the page loaded again.
     */
    public long firstVisitWeight() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.navigate().refresh();
        Number total = (Number) driver.executeScript("""
                const nav = performance.getEntriesByType('navigation').map(e => e.transferSize);
                const res = performance.getEntriesByType('resource').map(e => e.transferSize);
                return nav.concat(res).reduce((a, b) => a + b, 0);
                """);
        return total.longValue();
    }

    public Browser assertLight() {
        long weight = firstVisitWeight();
        assertThat(weight).as("bytes of " + path() + " on a first visit").isPositive().isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
        return this;
    }

    /** Full-page screenshots at a phone's 360 px and a laptop's 1280 px, for a person to look at. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] {360, 1280}) {
                driver.manage().window().setSize(new Dimension(width, 800));
                long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
                byte[] png = shot();
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
            }
            driver.manage().window().setSize(new Dimension(1280, 900));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot, asked once more when Chromium's renderer, slow under a loaded machine, lets it time out. */
    private byte[] shot() {
        try {
            return driver.getScreenshotAs(OutputType.BYTES);
        } catch (org.openqa.selenium.TimeoutException e) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** The whole bar at once, for each main page: accessible, light, and photographed. */
    public Browser checkPage(String screenshotName, boolean weigh) {
        assertAccessible();
        if (weigh) {
            assertLight();
        }
        return screenshot(screenshotName);
    }

    /** How far the page overflows a 360 px phone sideways; 0 is the bar. */
    public long overflowAt360() {
        driver.manage().window().setSize(new Dimension(360, 800));
        long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        driver.manage().window().setSize(new Dimension(1280, 900));
        return overflow;
    }

    /** How far the element scrolls sideways inside itself at 360 px (a wide table in its wrapper). */
    public long sidewaysScrollAt360(String css) {
        driver.manage().window().setSize(new Dimension(360, 800));
        long overflow = (Long) driver.executeScript(
                "var e = document.querySelector(arguments[0]); return e.scrollWidth - e.clientWidth;", css);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return overflow;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * axe-core from the npm registry at the version {@code src/test/browser/package-lock.json} pins,
     * installed once per build under {@code target/browser} with {@code npm ci}.
     */
    private static synchronized String axeSource() {
        if (axeSource != null) {
            return axeSource;
        }
        Path dir = Path.of("target", "browser");
        Path axe = dir.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.exists(axe)) {
                Files.createDirectories(dir);
                for (String file : new String[] {"package.json", "package-lock.json"}) {
                    Files.copy(Path.of("src", "test", "browser", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                // never the test JVM's own standard streams: its stdin and stdout are Surefire's channel
                // to Maven, and a child reading or writing them corrupts it
                var npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("npm.log").toFile())
                        .start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci for axe-core failed in " + dir.toAbsolutePath()
                            + ": " + Files.readString(dir.resolve("npm.log")));
                }
            }
            axeSource = Files.readString(axe);
            return axeSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
