package com.drivenow.gateway.guards;

import com.drivenow.platform.web.JsonBodies;
import com.drivenow.platform.web.ProblemException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies counting the bytes as they stream, so a chunked body (no Content-Length) is
 * refused with 413 as soon as it passes the limit instead of being buffered whole. The rest of an
 * oversized body is read and dropped, so the client still receives the answer.
 */
public final class BodyReader {

    private static final int CHUNK = 8192;

    private final long limit;

    public BodyReader(long limit) {
        this.limit = limit;
    }

    /** The body's bytes, or {@code null} when the request has none. */
    public byte[] bytes(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return null;
        }
        try (InputStream in = req.content().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK];
            long total = 0;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
                if (total > limit) {
                    in.transferTo(OutputStream.nullOutputStream());
                    throw tooLarge();
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON record: 400 when it is missing, empty or {@code null}. */
    public <T> T json(ServerRequest req, Class<T> type) {
        byte[] body = bytes(req);
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("A JSON body is required.");
        }
        return JsonBodies.parse(new String(body, StandardCharsets.UTF_8), type);
    }

    private ProblemException tooLarge() {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE_413, "Payload too large",
                "The body has more than " + limit + " bytes; the API accepts at most " + limit + ".");
    }
}
