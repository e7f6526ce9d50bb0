package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** "Karachi" in the district box: the seven-district city as its division, not a set of zeros. */
@QuarkusTest
@Tag("browser")
class DashboardDivisionBrowserTest extends BrowserTestSupport {

    @Override
    int windowHeight() {
        return 900;
    }

    @Test
    void karachiInTheDistrictBoxShowsItsAttacks() {
        ChromeDriver driver = browser.driver();
        open("?dataset=pbc-suicide&metric=killed&range=all");
        List<String> suggested = driver.findElements(By.cssSelector("#district-names option")).stream()
                .map(o -> o.getDomAttribute("value"))
                .toList();
        assertTrue(suggested.contains("Karachi"), "the district box suggests Karachi");
        WebElement box = driver.findElement(By.id("f-district"));
        box.clear();
        box.sendKeys("Karachi");
        box.sendKeys(Keys.TAB);
        browser.waitReady();
        assertTrue(driver.getCurrentUrl().contains("district=Karachi"), driver.getCurrentUrl());
        // Raw file: City 'Karachi'/'karachi', 29 attacks, 401 killed (Killed Max; one blank),
        // 1,456 injured; the API agrees
        assertEquals(29, tileValue(driver, "incidents"));
        assertEquals(401, tileValue(driver, "killed"));
        assertEquals(1456, tileValue(driver, "injured"));
        given().get("/api/v1/aggregates?dataset=pbc-suicide&district=Karachi")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(29))
                .body("query.filters.division", contains("PK-SD-DIV-KARACHI"));
    }

    private static long tileValue(ChromeDriver driver, String metric) {
        return Long.parseLong(driver.findElement(By.cssSelector("#tile-" + metric + " .value"))
                .getDomAttribute("data-value"));
    }
}
