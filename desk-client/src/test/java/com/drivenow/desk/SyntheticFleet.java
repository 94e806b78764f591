package com.drivenow.desk;

import com.drivenow.desk.api.AvailabilityCheck;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.CarSummary;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.api.User;
import com.drivenow.desk.data.BookingStore;
import com.drivenow.desk.data.Branches;
import com.drivenow.desk.data.FleetStore;
import com.drivenow.desk.data.Session;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** A big made-up fleet for the performance figures: thousands of cars over a few branches, and their bookings. */
public final class SyntheticFleet {

    private static final String[][] MODELS = {{"Volkswagen", "Golf", "COMPACT"}, {"Volkswagen", "Polo", "ECONOMY"},
            {"Skoda", "Octavia", "MIDSIZE"}, {"BMW", "5 Series", "LUXURY"}, {"Mercedes-Benz", "Vito", "VAN"},
            {"Ford", "Kuga", "SUV"}, {"Opel", "Corsa", "ECONOMY"}, {"Tesla", "Model 3", "LUXURY"}};
    private static final String[] BRANCHES = {"BER", "MUC", "HAM", "FRA"};
    private static final CarStatus[] STATUSES = {CarStatus.AVAILABLE, CarStatus.AVAILABLE, CarStatus.AVAILABLE,
            CarStatus.RENTED, CarStatus.RENTED, CarStatus.MAINTENANCE, CarStatus.RETIRED};

    private SyntheticFleet() {
    }

    public static List<Car> cars(int count) {
        return cars(count, BRANCHES);
    }

    /** {@code count} cars spread over {@code branches} in turn. */
    public static List<Car> cars(int count, String... branches) {
        Random random = new Random(42);
        List<Car> cars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] model = MODELS[random.nextInt(MODELS.length)];
            String branch = branches[i % branches.length];
            cars.add(new Car(UUID.randomUUID(), "%s-DN %04d".formatted(branch.charAt(0), i), model[0], model[1],
                    2020 + random.nextInt(6), model[2], 5, "MANUAL", "PETROL",
                    new Money("EUR", BigDecimal.valueOf(35 + random.nextInt(100))), branch, random.nextInt(150_000),
                    STATUSES[random.nextInt(STATUSES.length)], 1, Instant.EPOCH, Instant.EPOCH));
        }
        return cars;
    }

    /** About three bookings a car over the fourteen days from {@code start}. */
    public static List<Booking> bookings(List<Car> cars, Instant start) {
        Random random = new Random(7);
        List<Booking> bookings = new ArrayList<>();
        for (Car car : cars) {
            Instant from = start.plus(Duration.ofHours(random.nextInt(48)));
            for (int n = 0; n < 3; n++) {
                Instant to = from.plus(Duration.ofHours(12 + random.nextInt(72)));
                BookingStatus status = n == 0 ? BookingStatus.ACTIVE : BookingStatus.RESERVED;
                bookings.add(new Booking(UUID.randomUUID(), car.id(), new CarSummary(car.plate(), car.make(), car.model()),
                        new Customer("Customer " + bookings.size(), null, null, "L" + bookings.size()), from, to,
                        car.location(), car.location(), "Europe/Berlin", status, car.dailyRate(), null, AvailabilityCheck.LIVE, null, null, Instant.EPOCH, null, null, "agent"));
                from = to.plus(Duration.ofHours(2 + random.nextInt(24)));
            }
        }
        return bookings;
    }

    /** A signed-in manager's context over empty stores, for screens built without a gateway. */
    public static DeskContext context(Clock clock) {
        Branches branches = new Branches();
        branches.replaceAll(List.of(DemoBranches.alwaysOpen("BER", "Berlin", "Europe/Berlin")));
        Session session = Session.of(new User("manager", "Demo Fleet Manager", List.of("FLEET_MANAGER")),
                branches.all().getFirst(), branches, Locale.UK);
        return new DeskContext(new GatewayClient(URI.create("http://127.0.0.1:9")), session, new FleetStore(),
                new BookingStore(), clock, () -> null);
    }
}
