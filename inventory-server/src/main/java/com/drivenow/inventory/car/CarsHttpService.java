package com.drivenow.inventory.car;

import com.drivenow.platform.web.JsonBodies;
import com.drivenow.inventory.web.PathIds;
import com.drivenow.inventory.web.Versions;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.UUID;

/** {@code /api/v1/cars}: the fleet as API.md describes it. Role checks happen in the gateway. */
public final class CarsHttpService implements HttpService {

    public static final String PATH = "/api/v1/cars";

    private final DbClient db;
    private final CarRepository cars;
    private final CarCommands commands;

    public CarsHttpService(DbClient db, CarRepository cars, CarCommands commands) {
        this.db = db;
        this.cars = cars;
        this.commands = commands;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .any("/", ProblemHandlers::methodNotAllowed)
                .get("/{id}", this::read)
                .patch("/{id}", this::update)
                .any("/{id}", ProblemHandlers::methodNotAllowed)
                .post("/{id}/maintenance", this::startMaintenance)
                .delete("/{id}/maintenance", this::endMaintenance)
                .any("/{id}/maintenance", ProblemHandlers::methodNotAllowed)
                .post("/{id}/retire", this::retire)
                .any("/{id}/retire", ProblemHandlers::methodNotAllowed)
                .post("/{id}/odometer", this::correctOdometer)
                .any("/{id}/odometer", ProblemHandlers::methodNotAllowed);
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams query = QueryParams.of(req);
        CarFilter filter = new CarFilter(query.enumValue("status", CarStatus.class),
                query.enumValue("category", Category.class), query.text("location"), query.text("q"));
        res.send(cars.search(db.execute(), filter, query.page()));
    }

    private void read(ServerRequest req, ServerResponse res) {
        UUID id = carId(req);
        send(res, cars.find(db.execute(), id).orElseThrow(() -> CarCommands.notFound(id)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Car car = commands.create(JsonBodies.read(req, CarDraft.class));
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, PATH + "/" + car.id());
        send(res, car);
    }

    private void update(ServerRequest req, ServerResponse res) {
        send(res, commands.update(carId(req), Versions.expected(req), JsonBodies.readTree(req)));
    }

    private void startMaintenance(ServerRequest req, ServerResponse res) {
        send(res, commands.startMaintenance(carId(req), Versions.expected(req)));
    }

    private void endMaintenance(ServerRequest req, ServerResponse res) {
        send(res, commands.endMaintenance(carId(req), Versions.expected(req)));
    }

    private void retire(ServerRequest req, ServerResponse res) {
        send(res, commands.retire(carId(req), Versions.expected(req)));
    }

    private void correctOdometer(ServerRequest req, ServerResponse res) {
        send(res, commands.correctOdometer(carId(req), Versions.expected(req),
                JsonBodies.read(req, OdometerCorrection.class)));
    }

    private static void send(ServerResponse res, Car car) {
        Versions.sendVersioned(res, car.version(), car);
    }

    private static UUID carId(ServerRequest req) {
        return PathIds.uuid(req, "id", "car");
    }
}
