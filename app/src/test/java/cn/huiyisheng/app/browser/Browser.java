package cn.huiyisheng.app.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, headless Chromium (Debian's {@code chromium} with its {@code chromium-driver}) driving
 * the service as a user would: pages visited are saved as screenshots under
 * {@code app/target/screenshots/}, checked with axe-core and for sideways overflow.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("huiyisheng.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("huiyisheng.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The sizes every page is seen at: a desktop, and a phone (390 × 844 CSS pixels). */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** Why the browser tests cannot run here, or null when they can. */
    public static String unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            return "browser tests skipped: no " + CHROMIUM + " or " + DRIVER
                    + " (apt-get install -y chromium chromium-driver fonts-noto-cjk; .ci/run installs them)";
        }
        return null;
    }

    /**
     * Skips the calling test class when no browser is installed, unless HUIYISHENG_BROWSER_TESTS=required
     * (CI), where a missing browser fails it.
     */
    public static void assumeAvailable() {
        String why = unavailable();
        if (why != null && "required".equals(System.getenv("HUIYISHENG_BROWSER_TESTS"))) {
            throw new IllegalStateException(why + "; HUIYISHENG_BROWSER_TESTS=required (CI) does not allow skipping them");
        }
        if (why != null) {
            System.err.println(why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
    }

    private final WebDriver driver;
    private final String base;
    private final Path userData;

    private Browser(String base) {
        this.base = base;
        try {
            this.userData = Files.createTempDirectory("huiyisheng-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + userData, "--window-size=1280,800", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // each browser comes from an address of its own, as a load balancer would say (X-Forwarded-For):
        // a failed sign-in in one test does not count against another's address
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of("X-Forwarded-For",
                "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(250)))));
        this.driver = chrome;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static Browser open(int port) {
        return new Browser("http://127.0.0.1:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element once it is on the page (after a form's submission and redirect), within 10 s. */
    public WebElement waitFor(String css) {
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ", which shows:\n" + text(), e);
        }
    }

    /**
     * The flash notice's text once it says this (after a form's submission and redirect), within 10 s:
     * the page submitted from may show an earlier flash, which is not taken for the new one.
     */
    /** Clicks what leads to another page and waits until the browser has left this one (no reading the old page by mistake). */
    public Browser nav(WebElement target) {
        WebElement page = find("html");
        target.click();
        // gone: stale, or (Chromium, mid-navigation) "node does not belong to the document"
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return this;
    }

    public String flash(String expected) {
        String[] seen = {""};
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        List<WebElement> flashes = d.findElements(By.cssSelector(".notice.flash"));
                        seen[0] = flashes.isEmpty() ? "" : flashes.get(0).getText();
                        return seen[0].contains(expected);
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no flash saying \"" + expected + "\" on " + driver.getCurrentUrl() + " (last: \"" + seen[0]
                    + "\"), which shows:\n" + text(), e);
        }
        return seen[0];
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String h1() {
        return find("h1").getText();
    }

    public String text() {
        return find("body").getText();
    }

    public Browser signIn(String username, String password) {
        go("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("form.card button[type=submit]").click();
        waitFor("header.site form[action$='/logout']");
        return this;
    }

    public Browser signOut() {
        find("header.site form button[type=submit]").click();
        return this;
    }

    /** Saves the page as it is now: {@code target/screenshots/<name>.png}. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The page is no wider than the window: nothing to scroll sideways. */
    public Browser assertNoSidewaysScroll(String name) {
        Number scroll = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        Number inner = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
        assertThat(scroll.intValue()).as(name + ": page width (scrollWidth) against the window's " + inner).isLessThanOrEqualTo(inner.intValue());
        return this;
    }

    /** axe-core finds no critical and no serious violation (WCAG 2.1 A and AA rules, and best practices). */
    public Browser assertAccessible(String name) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze(driver);
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "critical".equals(v.getImpact()) || "serious".equals(v.getImpact())).toList();
        assertThat(severe).as(name + ": axe-core violations\n" + severe.stream().map(v -> v.getImpact() + " " + v.getId() + ": "
                + v.getHelp() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
        return this;
    }

    /** A page as every user must get it, at both sizes: screenshot, axe, no sideways scroll. */
    public Browser check(String name) {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            size(size);
            String shot = name + "-" + size.getWidth();
            screenshot(shot).assertNoSidewaysScroll(shot);
        }
        size(DESKTOP);
        return assertAccessible(name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(userData)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }
}
