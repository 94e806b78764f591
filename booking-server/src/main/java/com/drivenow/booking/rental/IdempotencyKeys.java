package com.drivenow.booking.rental;

import com.drivenow.platform.db.Rows;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.ProblemException;
import io.helidon.dbclient.DbExecute;
import io.helidon.http.Status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} of create calls, per caller: the first successful create stores the key
 * with a hash of its (parsed) body and the booking it made, in the same transaction. A repeat with
 * the same body gets that booking; with another body, a 422. Failed creates store nothing, so a
 * retry after a 409 is tried again.
 */
final class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;

    /** A key already used by this caller. */
    record Used(String bodyHash, UUID bookingId) {
    }

    static String hash(BookingRequests.Create body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
    }

    Optional<Used> find(DbExecute db, String caller, String key) {
        return db.get("SELECT body_hash, booking_id FROM idempotency_key WHERE caller = ? AND key = ?", caller, key)
                .map(row -> new Used(Rows.text(row, "body_hash"), Rows.uuid(row, "booking_id")));
    }

    /**
     * Claims {@code key} for a booking about to be inserted in the same transaction. A concurrent
     * claim of the same key waits here until the other transaction ends; returns false when the key
     * turned out to be taken.
     */
    boolean claim(DbExecute db, String caller, String key, String bodyHash, UUID bookingId) {
        return db.insert("INSERT INTO idempotency_key (caller, key, body_hash, booking_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", caller, key, bodyHash, bookingId) == 1;
    }

    /** The booking a repeated key stands for; 422 when the key was used for another body. */
    static UUID replay(Used used, String bodyHash) {
        if (!used.bodyHash().equals(bodyHash)) {
            throw new ProblemException(Status.UNPROCESSABLE_CONTENT_422, "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body.");
        }
        return used.bookingId();
    }
}
