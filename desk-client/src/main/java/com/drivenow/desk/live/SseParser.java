package com.drivenow.desk.live;

import java.util.Optional;

/**
 * Line-by-line parser of the text/event-stream format (WHATWG HTML, "server-sent events"): fields
 * {@code event}, {@code data} (several lines joined by newlines), {@code id}; comments start with ':';
 * a blank line dispatches the event. The last id persists across events, as the spec wants.
 */
public final class SseParser {

    private String type;
    private StringBuilder data;
    private String lastId;

    /** Feeds one line (without its line break); returns the event that a blank line completes. */
    public Optional<SseEvent> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            case "id" -> {
                if (!value.contains("\0")) {
                    lastId = value;
                }
            }
            default -> { } // "retry" and unknown fields: the desk's own back-off decides
        }
        return Optional.empty();
    }

    public String lastId() {
        return lastId;
    }

    /** Forgets a half-read event, as after a dropped connection; the id cursor survives. */
    public void reset() {
        type = null;
        data = null;
    }

    private Optional<SseEvent> dispatch() {
        if (data == null) {
            type = null;
            return Optional.empty();
        }
        SseEvent event = new SseEvent(type == null || type.isEmpty() ? "message" : type, data.toString(), lastId);
        reset();
        return Optional.of(event);
    }
}
