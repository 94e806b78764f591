package com.drivenow.inventory.web;

import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The optional {@code If-Match: "<version>"} of a write; {@code *} or no header means any version. */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Versions() {
    }

    /** Sends {@code body} with its version as the ETag, so a client can send it back in If-Match. */
    public static void sendVersioned(ServerResponse res, long version, Object body) {
        res.header(HeaderNames.ETAG, "\"" + version + "\"");
        res.send(body);
    }

    public static Optional<Long> expected(ServerRequest req) {
        return req.headers().first(HeaderNames.IF_MATCH)
                .map(String::trim)
                .filter(v -> !v.equals("*"))
                .map(v -> {
                    Matcher m = ETAG.matcher(v);
                    if (!m.matches()) {
                        throw ProblemException.invalid(List.of(new FieldError("If-Match",
                                "must be the car's version in quotes, such as \"3\"")));
                    }
                    return Long.parseLong(m.group(1));
                });
    }
}
