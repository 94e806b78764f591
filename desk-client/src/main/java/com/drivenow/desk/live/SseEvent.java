package com.drivenow.desk.live;

/** One Server-Sent Event: its type (defaults to "message"), data and the id cursor in force when it arrived. */
public record SseEvent(String type, String data, String id) {
}
