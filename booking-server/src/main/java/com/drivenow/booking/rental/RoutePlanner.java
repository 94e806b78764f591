package com.drivenow.booking.rental;

import com.drivenow.booking.branch.Branches;
import com.drivenow.booking.branch.BranchRules;
import com.drivenow.booking.pricing.Fee;
import com.drivenow.booking.pricing.Money;
import com.drivenow.platform.web.FieldErrors;
import io.helidon.dbclient.DbExecute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a booking's route against the branches: both exist, the car is picked up while the counter
 * is open and returned while it is open, or to the key box for the branch's after-hours fee; a
 * return elsewhere (one-way) where the company offers it, for the one-way fee. Branches are read from
 * the booking server's own copy, so this works while the inventory server is down.
 */
final class RoutePlanner {

    /** A checked route and the fees it adds to the price. */
    record Plan(Route route, List<Fee> fees) {
    }

    private final Branches branches;
    private final OneWayRules oneWay;

    RoutePlanner(Branches branches, OneWayRules oneWay) {
        this.branches = branches;
        this.oneWay = oneWay;
    }

    /** {@code carBranch} stands in for a pick-up branch the request leaves out; the return defaults to the pick-up. */
    Plan plan(DbExecute db, BookingRequests.Create body, String carBranch, RentalWindow window, String currency) {
        String pickUp = code(body.pickUpBranch(), carBranch);
        String dropOff = code(body.returnBranch(), pickUp);
        FieldErrors errors = new FieldErrors();
        Optional<BranchRules> from = known(db, "pickUpBranch", pickUp, errors);
        Optional<BranchRules> to = known(db, "returnBranch", dropOff, errors);
        errors.check(body.pickUpBranch() == null || pickUp.equals(carBranch), "pickUpBranch",
                "the car stands at " + carBranch + "; pick it up there");
        List<Fee> fees = new ArrayList<>();
        from.flatMap(b -> b.closedAt(window.from())).ifPresent(why -> errors.add("from", "pick-up outside the opening hours: " + why));
        to.ifPresent(branch -> branch.closedAt(window.to()).ifPresent(why -> {
            if (branch.afterHoursReturns()) {
                fees.add(new Fee("after-hours return (key box) at " + branch.code(),
                        new Money(currency, branch.afterHoursFee().amount())));
            } else {
                errors.add("to", "return outside the opening hours, and " + branch.code() + " has no key box: " + why);
            }
        }));
        Route route = new Route(pickUp, dropOff, from.map(b -> b.zone().getId()).orElse(Route.BEFORE_BRANCHES_ZONE));
        if (route.oneWay()) {
            errors.check(oneWay.allowed(), "returnBranch", "one-way rentals are not offered: return the car to " + pickUp);
            fees.add(new Fee("one-way " + pickUp + " to " + dropOff, new Money(currency, oneWay.fee())));
        }
        errors.throwIfAny();
        return new Plan(route, List.copyOf(fees));
    }

    private Optional<BranchRules> known(DbExecute db, String field, String code, FieldErrors errors) {
        Optional<BranchRules> branch = branches.find(db, code);
        errors.check(branch.isPresent(), field, "there is no branch " + code + " (GET /api/v1/branches lists them)");
        return branch;
    }

    private static String code(String asked, String otherwise) {
        return asked == null || asked.isBlank() ? otherwise : asked.trim().toUpperCase(Locale.ROOT);
    }
}
