package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @Test
    void javaTypeNamesInADetailBecomeWordsAClientUnderstands() {
        String jackson = "Cannot deserialize value of type `java.time.Instant` from String \"nope\": Failed to "
                + "deserialize `java.time.Instant`: (java.time.format.DateTimeParseException) Text 'nope' could not "
                + "be parsed";
        assertThat(Problems.clean(jackson)).isEqualTo("Cannot deserialize value of type ISO-8601 instant from String "
                + "\"nope\": Failed to deserialize ISO-8601 instant: Text 'nope' could not be parsed")
                .doesNotContain("java.");
        assertThat(Problems.clean("Cannot construct instance of `com.alphapanda.api.TokenController$Request`"))
                .isEqualTo("Cannot construct instance of value");
        assertThat(Problems.describe(Instant.class)).isEqualTo("ISO-8601 instant");
        assertThat(Problems.describe(ApiRole.class)).isEqualTo("one of viewer, operator, admin");
    }

    @Test
    void aProblemHasATypeATitleAndNoNullMembers() {
        String json = Problems.json(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "slow down", "/api/v1/dlq"));
        assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"slow down\",\"instance\":\"/api/v1/dlq\"}");
        assertThat(Problems.json(Problems.of(HttpStatus.BAD_REQUEST, null, null)))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"Bad Request\"}");
    }
}
