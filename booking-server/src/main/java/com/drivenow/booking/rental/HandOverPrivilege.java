package com.drivenow.booking.rental;

import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.ProblemException;

import java.util.Set;

/**
 * Only desk staff hand cars over: a walk-in ({@code pickUpNow}), an odometer reading, a pick-up or a
 * return. The booking server checks it itself, where the data lives, whatever the gateway let through.
 * A call that names no caller comes from a sibling server or the launcher and is trusted.
 */
final class HandOverPrivilege {

    static final Set<String> ROLES = Set.of("AGENT", "FLEET_MANAGER");

    private HandOverPrivilege() {
    }

    static void require(Caller caller, String what) {
        if (caller.system() || !caller.integration() && caller.holdsAnyOf(ROLES)) {
            return;
        }
        throw ProblemException.forbidden("'" + caller.id() + "' may not " + what
                + ": only desk staff (roles " + ROLES.stream().sorted().toList() + ") hand cars over and read odometers.");
    }

    /** A create is a hand-over when it is a walk-in or carries an odometer reading. */
    static void requireForCreate(Caller caller, BookingRequests.Create body) {
        if (body.walkIn() || body.mileageKm() != null) {
            require(caller, "book with pickUpNow or mileageKm");
        }
    }
}
