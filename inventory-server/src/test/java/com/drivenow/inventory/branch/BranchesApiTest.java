package com.drivenow.inventory.branch;

import com.drivenow.inventory.FleetListener;
import com.drivenow.inventory.TestInventory;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Branches: real places with an IANA time zone, opening hours, holidays and a key box; cars stand at one. */
class BranchesApiTest {

    private static final String BRANCHES = "/api/v1/branches";
    private static final String HAMBURG = """
            {"code":"ham-hbf","name":"Hamburg Hauptbahnhof","address":"Hachmannplatz 1, 20099 Hamburg",
             "timeZone":"Europe/Berlin","country":"DE","currency":"EUR",
             "openingHours":{"MONDAY":[{"opens":"07:00","closes":"12:00"},{"opens":"13:00","closes":"20:00"}],
                             "SATURDAY":[{"opens":"09:00","closes":"14:00"}]},
             "closedDates":["2026-12-25","2026-12-24"],"afterHoursReturns":true,"afterHoursFee":"25.00"}""";

    private static TestInventory inventory;
    private static FleetListener broker;

    @BeforeAll
    static void start() {
        inventory = TestInventory.start("branches");
        broker = new FleetListener(TestInfrastructure.get().amqp(), inventory.topology());
    }

    @AfterAll
    static void stop() {
        inventory.close();
        broker.close();
    }

    @Test
    void aBranchIsAddedReadListedAndAnnouncedWithItsHoursInItsOwnZone() {
        TestInventory.Answer created = inventory.post(BRANCHES, HAMBURG);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo(BRANCHES + "/HAM-HBF");
        JsonNode branch = created.json();
        assertThat(branch.get("code").asText()).isEqualTo("HAM-HBF");
        assertThat(branch.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(branch.get("openingHours").get("MONDAY")).hasSize(2);
        assertThat(branch.get("openingHours").get("MONDAY").get(1).get("opens").asText()).isEqualTo("13:00");
        assertThat(branch.get("openingHours").has("SUNDAY")).as("closed on Sundays").isFalse();
        assertThat(branch.get("closedDates").toString()).isEqualTo("[\"2026-12-24\",\"2026-12-25\"]");
        assertThat(branch.get("afterHoursFee").asText()).isEqualTo("25.00");
        assertThat(created.etag()).isEqualTo("\"1\"");

        assertThat(inventory.get(BRANCHES + "/ham-hbf").json()).isEqualTo(branch);
        List<String> codes = new ArrayList<>();
        inventory.get(BRANCHES).json().get("items").forEach(b -> codes.add(b.get("code").asText()));
        assertThat(codes).contains("HAM-HBF", TestInventory.DEFAULT_BRANCH);
        FleetListener.Received added = broker.await("branch.added", e -> e.get("code").asText().equals("HAM-HBF"));
        assertThat(added.body().get("branch")).isEqualTo(branch);

        assertThat(inventory.post(BRANCHES, HAMBURG).status()).as("the code is taken").isEqualTo(409);
    }

    @Test
    void aFleetManagerChangesHoursAndHolidaysWithTheVersionRead() {
        inventory.post(BRANCHES, HAMBURG.replace("ham-hbf", "ham-apt").replace("Hauptbahnhof", "Airport"));
        TestInventory.Answer changed = inventory.call(Method.PATCH, BRANCHES + "/HAM-APT",
                "{\"closedDates\":[\"2027-01-01\"],\"openingHours\":{\"SUNDAY\":[{\"opens\":\"10:00\",\"closes\":\"16:00\"}]}}",
                r -> r.header(HeaderNames.IF_MATCH, "\"1\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(changed.json().get("closedDates").toString()).isEqualTo("[\"2027-01-01\"]");
        assertThat(changed.json().get("openingHours").has("SUNDAY")).isTrue();
        assertThat(changed.json().get("openingHours").has("MONDAY")).as("merged, not replaced").isTrue();
        broker.await("branch.changed", e -> e.get("code").asText().equals("HAM-APT") && e.get("version").asLong() == 2);

        TestInventory.Answer stale = inventory.call(Method.PATCH, BRANCHES + "/HAM-APT", "{\"name\":\"Old\"}",
                r -> r.header(HeaderNames.IF_MATCH, "\"1\""));
        assertThat(stale.status()).isEqualTo(409);
        TestInventory.Answer recode = inventory.patch(BRANCHES + "/HAM-APT", "{\"code\":\"HAM-X\"}");
        assertThat(recode.status()).isEqualTo(400);
        assertThat(recode.body()).contains("managed by the server");
        assertThat(inventory.patch(BRANCHES + "/NOWHERE", "{\"name\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void aBranchWithWrongZoneCountryOrHoursIsRefusedWithEveryFieldNamed() {
        TestInventory.Answer refused = inventory.post(BRANCHES, """
                {"code":"bad branch","name":" ","address":"x","timeZone":"Mars/Olympus","country":"XX","currency":"EURO",
                 "openingHours":{"MONDAY":[{"opens":"18:00","closes":"08:00"}],
                                 "TUESDAY":[{"opens":"08:00","closes":"12:00"},{"opens":"11:00","closes":"14:00"}]},
                 "afterHoursFee":"-1"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("code", "timeZone", "country", "currency", "openingHours.MONDAY",
                "openingHours.TUESDAY", "afterHoursFee.amount");
        assertThat(inventory.post(BRANCHES, HAMBURG.replace("Europe/Berlin", "+02:00").replace("ham-hbf", "ham-z"))
                .body()).contains("IANA");
        assertThat(inventory.post(BRANCHES, HAMBURG.replace("\"SATURDAY\"", "\"SOMEDAY\"").replace("ham-hbf", "ham-y"))
                .status()).isEqualTo(400);
    }

    @Test
    void aCarStandsAtABranchThatExists() {
        TestInventory.Answer nowhere = inventory.post("/api/v1/cars", TestInventory.carJson("B-BR 1", "ECONOMY", "ATLANTIS"));
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
        assertThat(nowhere.body()).contains("location").contains("/api/v1/branches");
        inventory.post(BRANCHES, HAMBURG.replace("ham-hbf", "ham-alt").replace("Hauptbahnhof", "Altona"));
        assertThat(inventory.post("/api/v1/cars", TestInventory.carJson("B-BR 2", "ECONOMY", "HAM-ALT")).status())
                .isEqualTo(201);
        String carId = inventory.get("/api/v1/cars?q=B-BR%202").json().get("items").get(0).get("id").asText();
        TestInventory.Answer moved = inventory.patch("/api/v1/cars/" + carId, "{\"location\":\"ATLANTIS\"}");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.body()).contains("location");
    }
}
