package de.buergerkonto.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, with explicit paths so that
 * Selenium Manager never downloads anything, a fresh profile per browser, and the flags that
 * keep Chromium off the network (see STACK.md).
 */
public final class Chromium {

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    public static ChromeDriver start() {
        Path profile = newProfileDirectory();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=de-DE",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Path newProfileDirectory() {
        try {
            Path directory = Files.createTempDirectory("chromium-profile-");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
    }
}
