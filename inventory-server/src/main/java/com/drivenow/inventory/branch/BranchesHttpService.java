package com.drivenow.inventory.branch;

import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.inventory.web.Versions;
import com.drivenow.platform.web.JsonBodies;
import com.drivenow.platform.web.ProblemHandlers;
import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;
import java.util.Map;

/** {@code /api/v1/branches}: list, read, add, change (the gateway lets only fleet managers write). */
public final class BranchesHttpService implements HttpService {

    public static final String PATH = "/api/v1/branches";

    private final DbClient db;
    private final BranchRepository branches = new BranchRepository();
    private final BranchCommands commands;

    public BranchesHttpService(DbClient db, FleetEvents events) {
        this.db = db;
        this.commands = new BranchCommands(db, branches, events);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .any("/", ProblemHandlers::methodNotAllowed)
                .get("/{code}", this::read)
                .patch("/{code}", this::update)
                .any("/{code}", ProblemHandlers::methodNotAllowed);
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(Map.of("items", branches.all(db.execute())));
    }

    private void read(ServerRequest req, ServerResponse res) {
        String code = code(req);
        send(res, branches.find(db.execute(), code).orElseThrow(() -> BranchCommands.notFound(code)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Branch branch = commands.create(JsonBodies.read(req, BranchDraft.class));
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, PATH + "/" + branch.code());
        send(res, branch);
    }

    private void update(ServerRequest req, ServerResponse res) {
        send(res, commands.update(code(req), Versions.expected(req), JsonBodies.readTree(req)));
    }

    private static void send(ServerResponse res, Branch branch) {
        Versions.sendVersioned(res, branch.version(), branch);
    }

    private static String code(ServerRequest req) {
        return req.path().pathParameters().get("code").toUpperCase(Locale.ROOT);
    }
}
