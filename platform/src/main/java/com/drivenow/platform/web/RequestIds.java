package com.drivenow.platform.web;

import io.helidon.logging.common.HelidonMdc;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the work this thread is doing: set by {@link RequestIdFilter} for HTTP requests
 * and by the AMQP consumer for messages, so that every log line and every outgoing call or event
 * carries it. Logs show it through the MDC key {@value #MDC_KEY}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String AMQP_HEADER = "x-request-id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    /** The id of the current work, or {@code null} outside a request or message. */
    public static String current() {
        return CURRENT.get();
    }

    /** Keeps a client's id when it is safe to log and echo, otherwise makes a fresh one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** Runs {@code work} with {@code requestId} as the current id, then restores the previous one. */
    public static void runWith(String requestId, Runnable work) {
        String previous = CURRENT.get();
        set(requestId);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }

    private static void set(String requestId) {
        if (requestId == null) {
            CURRENT.remove();
            HelidonMdc.remove(MDC_KEY);
        } else {
            CURRENT.set(requestId);
            HelidonMdc.set(MDC_KEY, requestId);
        }
    }
}
