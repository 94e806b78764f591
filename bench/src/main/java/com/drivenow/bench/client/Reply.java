package com.drivenow.bench.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP answer: its status and its JSON body (a missing node when the body is not JSON). */
public record Reply(int status, JsonNode body) {

    public boolean is(int expected) {
        return status == expected;
    }

    public String text(String field) {
        return body.path(field).asText();
    }
}
