package org.militrend.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A warning or an error of an import, located by line and column, with the cell's value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportMessage(Long line, String column, String value, String message) {

    public ImportMessage {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an import message needs a message");
        }
        value = value == null || value.length() <= 1000 ? value : value.substring(0, 997) + "...";
    }
}
