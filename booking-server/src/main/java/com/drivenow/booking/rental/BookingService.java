package com.drivenow.booking.rental;

import com.drivenow.platform.web.JsonBodies;
import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/bookings}: create, list, read, pick up, return, cancel. */
public final class BookingService implements HttpService {

    public static final String PATH = "/api/v1/bookings";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final BookingCommands commands;
    private final BookingSearch search;

    public BookingService(BookingCommands commands, BookingSearch search) {
        this.commands = commands;
        this.search = search;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .any("/", ProblemHandlers::methodNotAllowed)
                .get("/{id}", this::get)
                .any("/{id}", ProblemHandlers::methodNotAllowed)
                .post("/{id}/pickup", this::pickUp)
                .post("/{id}/return", this::returnCar)
                .post("/{id}/cancel", this::cancel)
                .any("/{id}/{action}", ProblemHandlers::methodNotAllowed);
    }

    private void create(ServerRequest req, ServerResponse res) {
        BookingRequests.Create body = JsonBodies.read(req, BookingRequests.Create.class);
        Optional<String> key = req.headers().first(HeaderNames.create(IDEMPOTENCY_KEY));
        BookingCommands.Created created = commands.create(body, Caller.of(req), key);
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, PATH + "/" + created.booking().id());
        if (created.replayed()) {
            res.header("Idempotent-Replayed", "true");
        }
        res.send(created.booking());
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams query = QueryParams.of(req);
        BookingSearch.Criteria criteria = new BookingSearch.Criteria(query.enumValue("status", BookingStatus.class),
                query.uuid("carId"), query.text("q"), query.instant("from"), query.instant("to"));
        res.send(search.find(criteria, Caller.of(req), query.page()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(commands.get(id(req), Caller.of(req)));
    }

    private void pickUp(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        res.send(commands.pickUp(id, JsonBodies.read(req, BookingRequests.PickUp.class), Caller.of(req)));
    }

    private void returnCar(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        res.send(commands.returnCar(id, JsonBodies.read(req, BookingRequests.Return.class), Caller.of(req)));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        res.send(commands.cancel(id, JsonBodies.read(req, BookingRequests.Cancel.class), Caller.of(req)));
    }

    private static UUID id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no booking " + id + " (booking ids are UUIDs).");
        }
    }
}
