package org.militrend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceHealthTest {

    @Test
    void healthIsUpWithTheDatabaseMigrated() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
