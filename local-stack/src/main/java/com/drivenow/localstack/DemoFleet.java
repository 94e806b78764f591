package com.drivenow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;

/**
 * Puts a small demo fleet into an empty inventory on the first run, so a new user sees cars in the
 * desk client and in curl answers right away. It goes through the inventory server's public API,
 * like any other writer of car data would.
 */
final class DemoFleet {

    private record DemoCar(String plate, String make, String model, String category, int seats,
                           String transmission, String fuel, String rate, String location, int mileage) {
        String json() {
            return """
                    {"plate":"%s","make":"%s","model":"%s","year":%d,"category":"%s","seats":%d,
                     "transmission":"%s","fuelType":"%s","dailyRate":{"currency":"EUR","amount":"%s"},
                     "location":"%s","mileageKm":%d}""".formatted(plate, make, model, Year.now().getValue() - 1,
                    category, seats, transmission, fuel, rate, location, mileage);
        }
    }

    private static final List<DemoCar> CARS = List.of(
            new DemoCar("B-DN-1001", "Volkswagen", "Polo", "ECONOMY", 5, "MANUAL", "PETROL", "39.00", "BER-TXL", 12_400),
            new DemoCar("B-DN-1002", "Fiat", "500", "ECONOMY", 4, "MANUAL", "PETROL", "35.00", "BER-TXL", 8_900),
            new DemoCar("B-DN-1003", "Volkswagen", "Golf", "COMPACT", 5, "AUTOMATIC", "PETROL", "49.00", "BER-TXL", 21_300),
            new DemoCar("B-DN-1004", "Toyota", "Corolla", "COMPACT", 5, "AUTOMATIC", "HYBRID", "52.00", "BER-TXL", 15_800),
            new DemoCar("B-DN-1005", "Skoda", "Octavia", "MIDSIZE", 5, "AUTOMATIC", "DIESEL", "59.00", "BER-TXL", 33_100),
            new DemoCar("B-DN-1006", "Tesla", "Model 3", "MIDSIZE", 5, "AUTOMATIC", "ELECTRIC", "79.00", "BER-TXL", 18_200),
            new DemoCar("B-DN-1007", "BMW", "X3", "SUV", 5, "AUTOMATIC", "DIESEL", "89.00", "BER-TXL", 27_600),
            new DemoCar("B-DN-1008", "Volkswagen", "Multivan", "VAN", 7, "AUTOMATIC", "DIESEL", "109.00", "BER-TXL", 41_000),
            new DemoCar("M-DN-2001", "Renault", "Clio", "ECONOMY", 5, "MANUAL", "PETROL", "37.00", "MUC-AP", 9_700),
            new DemoCar("M-DN-2002", "Audi", "A4", "MIDSIZE", 5, "AUTOMATIC", "PETROL", "69.00", "MUC-AP", 22_500),
            new DemoCar("M-DN-2003", "Mercedes-Benz", "E-Class", "LUXURY", 5, "AUTOMATIC", "HYBRID", "129.00", "MUC-AP", 14_200),
            new DemoCar("M-DN-2004", "Hyundai", "Tucson", "SUV", 5, "AUTOMATIC", "HYBRID", "75.00", "MUC-AP", 19_900));

    /**
     * The demo branches, in their own zone: Berlin's airport counter is open around the clock (so a
     * night-time try of the API works), Munich's has real hours, holidays and a key box.
     */
    private static final List<String> BRANCHES = List.of(
            branch("BER-TXL", "Berlin Tegel Airport", "Flughafen Tegel, 13405 Berlin", "00:00", "00:00", "00:00", "00:00"),
            branch("MUC-AP", "Munich Airport", "Nordallee 25, 85356 München", "06:00", "23:00", "08:00", "20:00"));

    private static String branch(String code, String name, String address, String weekdayOpens, String weekdayCloses,
                                 String weekendOpens, String weekendCloses) {
        String weekday = "[{\"opens\":\"" + weekdayOpens + "\",\"closes\":\"" + weekdayCloses + "\"}]";
        String weekend = "[{\"opens\":\"" + weekendOpens + "\",\"closes\":\"" + weekendCloses + "\"}]";
        return """
                {"code":"%s","name":"%s","address":"%s","timeZone":"Europe/Berlin","country":"DE","currency":"EUR",
                 "openingHours":{"MONDAY":%s,"TUESDAY":%s,"WEDNESDAY":%s,"THURSDAY":%s,"FRIDAY":%s,
                                 "SATURDAY":%s,"SUNDAY":%s},
                 "closedDates":["%d-12-25","%d-01-01"],"afterHoursReturns":true,"afterHoursFee":"25.00"}"""
                .formatted(code, name, address, weekday, weekday, weekday, weekday, weekday, weekend, weekend,
                        Year.now().getValue(), Year.now().getValue() + 1);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String inventoryUrl;
    private final String internalToken;

    DemoFleet(String inventoryUrl, String internalToken) {
        this.inventoryUrl = inventoryUrl;
        this.internalToken = internalToken;
    }

    /** Adds the demo cars when the inventory has none; leaves a fleet with cars alone. */
    void seedIfEmpty(PrintStream out) {
        try {
            HttpResponse<String> page = http.send(request("/api/v1/cars?size=1").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains("\"total\":0")) {
                return;
            }
            for (String branch : BRANCHES) {
                HttpResponse<String> created = http.send(request("/api/v1/branches")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(branch)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201 && created.statusCode() != 409) {
                    out.println("Demo branch was refused: " + created.statusCode() + " " + created.body());
                }
            }
            int added = 0;
            for (DemoCar car : CARS) {
                HttpResponse<String> created = http.send(request("/api/v1/cars")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(car.json())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() == 201) {
                    added++;
                } else {
                    out.println("Demo car " + car.plate() + " was refused: " + created.statusCode() + " " + created.body());
                }
            }
            out.println("Added " + added + " demo cars to the empty fleet.");
        } catch (IOException e) {
            out.println("Could not add the demo fleet: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(inventoryUrl + path))
                .timeout(Duration.ofSeconds(5))
                .header("X-Internal-Token", internalToken)
                .header("X-Caller-Id", "local-stack")
                .header("X-Caller-Roles", "FLEET_MANAGER");
    }
}
