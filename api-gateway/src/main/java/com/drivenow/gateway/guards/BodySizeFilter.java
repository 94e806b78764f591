package com.drivenow.gateway.guards;

import com.drivenow.platform.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;

/**
 * 413 for a body over the public API's limit, read to its end first: a server that answers while the
 * client is still sending and then closes resets the connection, and most clients lose the answer.
 * The web server's own max-payload-size stays as a hard cap far above this limit.
 */
public final class BodySizeFilter implements Filter {

    private final long limit;

    public BodySizeFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long declared = req.headers().first(HeaderNames.CONTENT_LENGTH).map(BodySizeFilter::parse).orElse(0L);
        if (declared <= limit) {
            chain.proceed();
            return;
        }
        req.content().consume();
        ProblemResponses.send(req, res, Status.REQUEST_ENTITY_TOO_LARGE_413, "Payload too large",
                "The body has " + declared + " bytes; the API accepts at most " + limit + ".", List.of());
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
