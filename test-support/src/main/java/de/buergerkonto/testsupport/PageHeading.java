package de.buergerkonto.testsupport;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waits in a real browser for the page whose {@code h1} shows a text. */
public final class PageHeading {

    private PageHeading() {
    }

    /**
     * While a page is being replaced, Chromium may answer the read of the old heading with an
     * error ("Node with given id does not belong to the document") instead of a stale element:
     * such a read counts as "not there yet". A page that never comes fails with its URL and source.
     */
    public static void waitFor(WebDriver browser, Duration timeout, String text) {
        try {
            new WebDriverWait(browser, timeout).ignoring(WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
        } catch (TimeoutException notShown) {
            throw new AssertionError("Heading '" + text + "' not shown at " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), notShown);
        }
    }
}
