package org.militrend.trend;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** JsonPath that reads numbers as doubles (its default, float, would lose the digits the tests check). */
final class Json {

    private static final JsonPathConfig DOUBLES =
            new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    private Json() {}

    static JsonPath of(String body) {
        return JsonPath.from(body).using(DOUBLES);
    }

    static JsonPath of(ValidatableResponse r) {
        return of(r.extract().asString());
    }
}
