package com.drivenow.desk;

import com.drivenow.booking.branch.BranchRules;
import com.drivenow.booking.pricing.Pricing;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.Fee;
import com.drivenow.desk.api.PriceBreakdown;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.CarSummary;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.Json;
import com.drivenow.desk.api.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-test stand-in for the api-gateway that answers as API.md and the OpenAPI document describe
 * (login, branches, cars, availability, bookings with pick-up and return branches, hours and fee lines,
 * SSE events, problem+json). The flows run against the real stack (RealStack);
 * this one stays for what a real stack cannot be made to do on cue: expire tokens, drop the event stream,
 * and hold an overdue rental for the screenshots (a real booking cannot start in the past).
 */
public final class ContractGatewayServer implements AutoCloseable {

    /** The booking server's default one-way fee (booking.one-way.fee). */
    static final String ONE_WAY_FEE = "49.00";

    private final HttpServer server;
    private final Map<UUID, Car> cars = new ConcurrentHashMap<>();
    private final Map<UUID, Booking> bookings = new ConcurrentHashMap<>();
    private final Map<String, Branch> branches = new ConcurrentHashMap<>();
    private final Map<String, List<String>> users = Map.of("agent", List.of("agent", "AGENT"), "manager", List.of("manager", "FLEET_MANAGER"));
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String[]> history = new CopyOnWriteArrayList<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong eventIds = new AtomicLong();
    private volatile String lastEventIdSeen;

    public ContractGatewayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
    }

    /** Cuts every open event stream, as a proxy or a network drop would. */
    public void dropStreams() {
        streams.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // the client may have gone already
            }
        });
        streams.clear();
    }

    // ---- test controls

    public Car addCar(String plate, String make, String model, String category, String location, String rate, CarStatus status) {
        Car car = new Car(UUID.randomUUID(), plate, make, model, 2024, category, 5, "MANUAL", "PETROL",
                new Money("EUR", new BigDecimal(rate)), location, 8_000 + Math.floorMod(plate.hashCode(), 60_000), status, 1,
                Instant.now(), Instant.now());
        cars.put(car.id(), car);
        return car;
    }

    /** A branch as GET /api/v1/branches lists it; every car of the fake should stand at one. */
    public Branch addBranch(Branch branch) {
        branches.put(branch.code(), branch);
        return branch;
    }

    public Booking addBooking(Car car, String customer, Instant from, Instant to, BookingStatus status) {
        return addBooking(car, customer, from, to, status, car.location());
    }

    /** A booking from the car's branch back to {@code returnBranch}: another one is one-way, with its fee line. */
    public Booking addBooking(Car car, String customer, Instant from, Instant to, BookingStatus status, String returnBranch) {
        List<Map<String, String>> refused = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        route(car, car.location(), returnBranch, from, to, refused, fees);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("the fake refuses this booking: " + refused);
        }
        Booking booking = new Booking(UUID.randomUUID(), car.id(), new CarSummary(car.plate(), car.make(), car.model()),
                new Customer(customer, customer.toLowerCase().replace(' ', '.') + "@example.com", "+49 30 1234567",
                        String.format("B%09d", Math.floorMod(customer.hashCode(), 1_000_000_000))),
                from, to, car.location(), returnBranch, zone(car.location()).getId(), status, null,
                breakdown(car, from, to, fees), com.drivenow.desk.api.AvailabilityCheck.LIVE,
                status == BookingStatus.ACTIVE ? car.mileageKm() : null, null, Instant.now(),
                status == BookingStatus.ACTIVE ? from : null, null, "agent");
        booking = priced(booking, booking.priceBreakdown());
        bookings.put(booking.id(), booking);
        return booking;
    }

    public void expireTokens() {
        tokens.clear();
    }

    public String lastEventIdSeen() {
        return lastEventIdSeen;
    }

    public int openStreams() {
        return streams.size();
    }

    /** Publishes a changed car on the live stream, as the gateway does after inventory changes it. */
    public void changeCar(Car car) {
        cars.put(car.id(), car);
        publish("car.changed", car);
    }

    // ---- routing

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            ex.getResponseHeaders().add("X-Request-Id", String.valueOf(ex.getRequestHeaders().getFirst("X-Request-Id")));
            if (path.equals("/api/v1/auth/login") && method.equals("POST")) {
                login(ex);
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !tokens.containsKey(auth.substring("Bearer ".length()))) {
                problem(ex, 401, "Unauthorized", "Your session has expired; sign in again.");
                return;
            }
            String role = tokens.get(auth.substring("Bearer ".length()));
            String[] parts = path.split("/");
            switch (parts.length > 3 ? parts[3] : "") {
                case "cars" -> cars(ex, method, parts, role);
                case "branches" -> branches(ex, parts);
                case "availability" -> availability(ex);
                case "bookings" -> bookings(ex, method, parts);
                case "events" -> events(ex);
                default -> problem(ex, 404, "Not Found", "No such resource: " + path);
            }
        } catch (RuntimeException e) {
            problem(ex, 400, "Bad Request", e.getMessage());
        }
    }

    private void login(HttpExchange ex) throws IOException {
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
        List<String> user = users.get(body.path("username").asText());
        if (user == null || !user.get(0).equals(body.path("password").asText())) {
            problem(ex, 401, "Unauthorized", "Bad credentials.");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, user.get(1));
        String name = body.path("username").asText();
        json(ex, 200, Map.of("accessToken", token, "tokenType", "Bearer", "expiresIn", 3600,
                "user", Map.of("username", name, "displayName", name.equals("agent") ? "Anna Agent" : "Max Manager", "roles", List.of(user.get(1)))));
    }

    private void cars(HttpExchange ex, String method, String[] parts, String role) throws IOException {
        if (parts.length == 4 && method.equals("GET")) {
            Map<String, String> q = query(ex);
            List<Car> all = cars.values().stream()
                    .filter(c -> q.get("status") == null || c.status().name().equals(q.get("status")))
                    .sorted(java.util.Comparator.comparing(Car::plate)).toList();
            page(ex, all, q);
            return;
        }
        UUID id = UUID.fromString(parts[4]);
        Car car = cars.get(id);
        if (car == null) {
            problem(ex, 404, "Not Found", "No car " + id + ".");
            return;
        }
        if (method.equals("GET")) {
            json(ex, 200, car);
            return;
        }
        if (!role.equals("FLEET_MANAGER")) {
            problem(ex, 403, "Forbidden", "Only fleet managers change cars.");
            return;
        }
        CarStatus next = parts.length > 5 && parts[5].equals("maintenance")
                ? (method.equals("POST") ? CarStatus.MAINTENANCE : CarStatus.AVAILABLE) : CarStatus.RETIRED;
        Car changed = withStatus(car, next);
        changeCar(changed);
        json(ex, 200, changed);
    }

    private void branches(HttpExchange ex, String[] parts) throws IOException {
        if (parts.length == 4) {
            json(ex, 200, Map.of("items", branches.values().stream().sorted(java.util.Comparator.comparing(Branch::code)).toList()));
        } else if (branches.containsKey(parts[4])) {
            json(ex, 200, branches.get(parts[4]));
        } else {
            problem(ex, 404, "Not Found", "No branch " + parts[4] + ".");
        }
    }

    private void availability(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        Instant from = Instant.parse(q.get("from"));
        Instant to = Instant.parse(q.get("to"));
        if (!to.isAfter(from)) {
            problem(ex, 400, "Bad Request", "'to' must be after 'from'.");
            return;
        }
        List<Map<String, Object>> items = cars.values().stream()
                .filter(c -> c.status() == CarStatus.AVAILABLE || c.status() == CarStatus.RENTED)
                .filter(c -> q.get("category") == null || c.category().equals(q.get("category")))
                .filter(c -> q.get("location") == null || c.location().equals(q.get("location")))
                .filter(c -> free(c.id(), from, to))
                .sorted(java.util.Comparator.comparing(Car::plate))
                .map(c -> Map.<String, Object>of("car", c, "quote", price(c, from, to))).toList();
        json(ex, 200, Map.of("from", from, "to", to, "items", items));
    }

    private void bookings(HttpExchange ex, String method, String[] parts) throws IOException {
        if (parts.length == 4 && method.equals("POST")) {
            JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
            Car car = cars.get(UUID.fromString(body.path("carId").asText()));
            Instant from = Instant.parse(body.path("from").asText());
            Instant to = Instant.parse(body.path("to").asText());
            if (car == null) {
                problem(ex, 404, "Not Found", "No such car.");
            } else if (!free(car.id(), from, to)) {
                problem(ex, 409, "Conflict", "Car " + car.plate() + " is already booked for an overlapping window.");
            } else {
                String pickUp = body.path("pickUpBranch").asText(car.location());
                String dropOff = body.path("returnBranch").asText(pickUp);
                List<Map<String, String>> refused = new ArrayList<>();
                List<Fee> fees = new ArrayList<>();
                route(car, pickUp, dropOff, from, to, refused, fees);
                if (!refused.isEmpty()) {
                    problem(ex, 400, "Invalid request", "The booking's route or times are refused.", refused);
                    return;
                }
                Customer customer = Json.MAPPER.convertValue(body.get("customer"), Customer.class);
                boolean walkIn = body.path("pickUpNow").asBoolean(false);
                Booking booking = priced(new Booking(UUID.randomUUID(), car.id(), new CarSummary(car.plate(), car.make(), car.model()),
                        customer, from, to, pickUp, dropOff, zone(pickUp).getId(),
                        walkIn ? BookingStatus.ACTIVE : BookingStatus.RESERVED, null, null,
                        com.drivenow.desk.api.AvailabilityCheck.LIVE,
                        walkIn ? car.mileageKm() : null, null, Instant.now(), walkIn ? Instant.now() : null, null, "agent"),
                        breakdown(car, from, to, fees));
                save(booking);
                json(ex, 201, booking);
            }
            return;
        }
        if (parts.length == 4) {
            Map<String, String> q = query(ex);
            String text = q.getOrDefault("q", "").toLowerCase();
            List<Booking> found = bookings.values().stream()
                    .filter(b -> q.get("status") == null || b.status().name().equals(q.get("status")))
                    .filter(b -> text.isEmpty() || (b.customer().name() + " " + b.customer().email() + " "
                            + b.customer().licenseNumber() + " " + b.car().plate()).toLowerCase().contains(text))
                    .filter(b -> q.get("from") == null || b.overlaps(Instant.parse(q.get("from")), Instant.parse(q.get("to"))))
                    .sorted(java.util.Comparator.comparing(Booking::from)).toList();
            page(ex, found, q);
            return;
        }
        Booking b = bookings.get(UUID.fromString(parts[4]));
        if (b == null) {
            problem(ex, 404, "Not Found", "No such booking.");
            return;
        }
        JsonNode body = method.equals("POST") ? Json.MAPPER.readTree(ex.getRequestBody()) : null;
        String action = parts.length > 5 ? parts[5] : "";
        Booking next;
        switch (action) {
            case "pickup" -> {
                if (b.status() != BookingStatus.RESERVED) {
                    problem(ex, 409, "Conflict", "Only a reserved booking can be picked up; this one is " + b.status() + ".");
                    return;
                }
                next = copy(b, BookingStatus.ACTIVE, b.price(), body.path("mileageKm").asInt(), null, Instant.now(), null);
            }
            case "return" -> {
                if (b.status() != BookingStatus.ACTIVE) {
                    problem(ex, 409, "Conflict", "Only an active rental can be returned.");
                    return;
                }
                Instant back = Instant.now();
                Car car = cars.get(b.carId());
                ZoneId zone = ZoneId.of(b.timeZone());
                PriceBreakdown booked = b.priceBreakdown();
                PriceBreakdown returned = new PriceBreakdown(booked.dailyRate(), booked.days(),
                        back.isAfter(b.to()) ? (int) Pricing.startedDays(b.to(), back, zone) : 0, booked.fees(), booked.description());
                next = priced(copy(b, BookingStatus.RETURNED, null, b.mileageOutKm(), body.path("mileageKm").asInt(), b.pickedUpAt(), back), returned);
            }
            case "cancel" -> {
                if (b.status() != BookingStatus.RESERVED) {
                    problem(ex, 409, "Conflict", "An active or returned booking cannot be cancelled.");
                    return;
                }
                next = copy(b, BookingStatus.CANCELLED, b.price(), null, null, null, null);
            }
            default -> next = b;
        }
        save(next);
        json(ex, 200, next);
    }

    private void events(HttpExchange ex) throws IOException {
        lastEventIdSeen = ex.getRequestHeaders().getFirst("Last-Event-ID");
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        synchronized (out) {
            out.write(": welcome\n\n".getBytes(StandardCharsets.UTF_8));
            for (String[] e : history) {
                if (lastEventIdSeen != null && Long.parseLong(e[0]) > Long.parseLong(lastEventIdSeen)) {
                    out.write(e[1].getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
        }
        streams.add(out);
    }

    // ---- helpers

    private void publish(String type, Object data) {
        long id = eventIds.incrementAndGet();
        String frame;
        try {
            frame = "id: " + id + "\nevent: " + type + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        history.add(new String[] {String.valueOf(id), frame});
        for (OutputStream out : streams) {
            try {
                synchronized (out) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                streams.remove(out);
            }
        }
    }

    private void save(Booking booking) {
        bookings.put(booking.id(), booking);
        publish("booking.changed", booking);
        Car car = cars.get(booking.carId());
        CarStatus status = switch (booking.status()) {
            case ACTIVE -> CarStatus.RENTED;
            case RETURNED -> CarStatus.AVAILABLE;
            default -> car.status();
        };
        if (status != car.status()) {
            changeCar(withStatus(car, status));
        }
    }

    private boolean free(UUID carId, Instant from, Instant to) {
        return bookings.values().stream().noneMatch(b -> b.carId().equals(carId)
                && (b.status() == BookingStatus.RESERVED || b.status() == BookingStatus.ACTIVE) && b.overlaps(from, to));
    }

    /** Daily rate times started days on the car's branch calendar (the booking server's own count). */
    Money price(Car car, Instant from, Instant to) {
        return car.dailyRate().times(Math.max(1, Pricing.startedDays(from, to, zone(car.location()))));
    }

    private PriceBreakdown breakdown(Car car, Instant from, Instant to, List<Fee> fees) {
        int days = (int) Math.max(1, Pricing.startedDays(from, to, zone(car.location())));
        return new PriceBreakdown(car.dailyRate(), days, 0, List.copyOf(fees), days + " days x " + car.dailyRate().amount());
    }

    /** The price the breakdown adds up to: (days + late days) x rate + fees. */
    private static Booking priced(Booking b, PriceBreakdown breakdown) {
        Money total = breakdown.dailyRate().times(breakdown.days() + breakdown.lateDays());
        for (Fee fee : breakdown.feesOrNone()) {
            total = new Money(total.currency(), total.amount().add(fee.amount().amount()));
        }
        return new Booking(b.id(), b.carId(), b.car(), b.customer(), b.from(), b.to(), b.pickUpBranch(), b.returnBranch(),
                b.timeZone(), b.status(), total, breakdown, b.availabilityCheck(), b.mileageOutKm(), b.mileageInKm(),
                b.createdAt(), b.pickedUpAt(), b.returnedAt(), b.createdBy());
    }

    /**
     * The booking server's route rules, with its own branch rules so the wording is the server's: both
     * branches exist, pick-up while open, return while open or to a key box (fee), one-way for a fee.
     */
    private void route(Car car, String pickUp, String dropOff, Instant from, Instant to,
                       List<Map<String, String>> refused, List<Fee> fees) {
        Branch start = branches.get(pickUp);
        Branch end = branches.get(dropOff);
        if (start == null || end == null || !pickUp.equals(car.location())) {
            refused.add(Map.of("field", start == null || !pickUp.equals(car.location()) ? "pickUpBranch" : "returnBranch",
                    "message", "the car stands at " + car.location() + " and the branches must exist (GET /api/v1/branches lists them)"));
            return;
        }
        rules(start).closedAt(from).ifPresent(why -> refused.add(Map.of("field", "from", "message", "pick-up outside the opening hours: " + why)));
        rules(end).closedAt(to).ifPresent(why -> {
            if (end.afterHoursReturns()) {
                fees.add(new Fee("after-hours return (key box) at " + dropOff, new Money(end.currency(), new BigDecimal(end.afterHoursFee()))));
            } else {
                refused.add(Map.of("field", "to", "message", "return outside the opening hours, and " + dropOff + " has no key box: " + why));
            }
        });
        if (!pickUp.equals(dropOff)) {
            fees.add(new Fee("one-way " + pickUp + " to " + dropOff, new Money("EUR", new BigDecimal(ONE_WAY_FEE))));
        }
    }

    private static BranchRules rules(Branch branch) {
        return BranchRules.fromJson(Json.MAPPER.valueToTree(branch));
    }

    private ZoneId zone(String branch) {
        Branch known = branches.get(branch);
        return known == null ? ZoneId.of("Europe/Berlin") : known.zone();
    }

    private static Car withStatus(Car c, CarStatus status) {
        return new Car(c.id(), c.plate(), c.make(), c.model(), c.year(), c.category(), c.seats(), c.transmission(),
                c.fuelType(), c.dailyRate(), c.location(), c.mileageKm(), status, c.version() + 1, c.createdAt(), Instant.now());
    }

    private static Booking copy(Booking b, BookingStatus status, Money price, Integer out, Integer in, Instant pickedUp, Instant returned) {
        return new Booking(b.id(), b.carId(), b.car(), b.customer(), b.from(), b.to(), b.pickUpBranch(), b.returnBranch(),
                b.timeZone(), status, price == null ? b.price() : price, b.priceBreakdown(), b.availabilityCheck(),
                out, in, b.createdAt(), pickedUp, returned, b.createdBy());
    }

    private static <T> void page(HttpExchange ex, List<T> all, Map<String, String> q) throws IOException {
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        int size = Integer.parseInt(q.getOrDefault("size", "50"));
        List<T> items = all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size));
        json(ex, 200, Map.of("items", new ArrayList<>(items), "page", page, "size", size, "total", all.size()));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> params = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        problem(ex, status, title, detail, List.of());
    }

    private static void problem(HttpExchange ex, int status, String title, String detail, List<Map<String, String>> errors) throws IOException {
        send(ex, status, "application/problem+json", Json.MAPPER.writeValueAsBytes(Map.of("type", "about:blank", "title", title,
                "status", status, "detail", detail, "errors", errors)));
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
