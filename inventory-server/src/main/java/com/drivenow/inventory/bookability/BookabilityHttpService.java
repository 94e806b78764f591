package com.drivenow.inventory.bookability;

import com.drivenow.inventory.car.Car;
import com.drivenow.inventory.car.CarRepository;
import com.drivenow.inventory.web.PathIds;
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /internal/cars/{id}/bookability?from=&to=} for the booking server: one primary-key
 * read of the car, answered from its status.
 */
public final class BookabilityHttpService implements HttpService {

    public static final String PATH = "/internal/cars";

    private final DbClient db;
    private final CarRepository cars;

    public BookabilityHttpService(DbClient db, CarRepository cars) {
        this.db = db;
        this.cars = cars;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/bookability", this::bookability)
                .any("/{id}/bookability", ProblemHandlers::methodNotAllowed);
    }

    private void bookability(ServerRequest req, ServerResponse res) {
        UUID id = PathIds.uuid(req, "id", "car");
        QueryParams query = QueryParams.of(req);
        Instant from = query.requiredInstant("from");
        Instant to = query.requiredInstant("to");
        if (!to.isAfter(from)) {
            throw ProblemException.invalid(List.of(new FieldError("to", "must be after from")));
        }
        Car car = cars.find(db.execute(), id)
                .orElseThrow(() -> ProblemException.notFound("There is no car with id " + id + "."));
        res.send(Bookability.of(car));
    }
}
