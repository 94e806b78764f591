package com.drivenow.booking.availability;

import com.drivenow.platform.web.FieldErrors;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/v1/availability?from=&to=&category=&location=}: cars free for the whole window. */
public final class AvailabilityService implements HttpService {

    public static final String PATH = "/api/v1/availability";
    private static final Set<String> CATEGORIES = Set.of("ECONOMY", "COMPACT", "MIDSIZE", "SUV", "VAN", "LUXURY");

    private final AvailabilitySearch search;
    private final Duration maxLength;

    public AvailabilityService(AvailabilitySearch search, Duration maxLength) {
        this.search = search;
        this.maxLength = maxLength;
    }

    public record Answer(Instant from, Instant to, List<AvailabilitySearch.Item> items) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::find).any("/", ProblemHandlers::methodNotAllowed);
    }

    private void find(ServerRequest req, ServerResponse res) {
        QueryParams query = QueryParams.of(req);
        Instant from = query.requiredInstant("from");
        Instant to = query.requiredInstant("to");
        Optional<String> category = query.text("category").map(c -> c.toUpperCase(Locale.ROOT));
        new FieldErrors()
                .check(to.isAfter(from), "to", "must be after from")
                .check(!Duration.between(from, to).minus(maxLength).isPositive(), "to",
                        "a window lasts at most " + maxLength.toDays() + " days")
                .check(category.map(CATEGORIES::contains).orElse(true), "category", "must be one of " + CATEGORIES)
                .throwIfAny();
        res.send(new Answer(from, to, search.find(from, to, category, query.text("location"))));
    }
}
