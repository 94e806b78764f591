package com.drivenow.bench.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads a large fleet copy and booking history straight into the booking server's tables with
 * generate_series: cars in six categories over ten locations, each with a chain of two-day
 * bookings three days apart, returned in the past and reserved in the future.
 */
final class ScaleData {

    static final String LOCATION = "LOC-3";
    static final String CATEGORY = "COMPACT";

    private ScaleData() {
    }

    static void load(String bookingDatabaseUrl, int cars, int bookings) {
        String fleet = """
                INSERT INTO fleet_car (id, plate, make, model, category, location, daily_rate, currency, mileage_km,
                                       status, version, car_json)
                SELECT md5('car' || g)::uuid, 'SC-' || g, 'Scale', 'Car',
                       (ARRAY['ECONOMY','COMPACT','MIDSIZE','SUV','VAN','LUXURY'])[1 + g %% 6], 'LOC-' || (g / 6 %% 10),
                       40 + g %% 50, 'EUR', 1000, 'AVAILABLE', 1,
                       jsonb_build_object('id', md5('car' || g)::uuid, 'plate', 'SC-' || g, 'make', 'Scale',
                                          'model', 'Car', 'status', 'AVAILABLE')
                FROM generate_series(0, %d) g""".formatted(cars - 1);
        String history = """
                INSERT INTO booking (id, car_id, car_plate, car_make, car_model, customer_name, customer_email,
                    customer_phone, customer_license, starts_at, ends_at, status, daily_rate, currency, days,
                    availability_check, sequence, created_at, created_by, created_by_integration)
                SELECT md5('booking' || g)::uuid, md5('car' || (g %% %1$d))::uuid, 'SC-' || (g %% %1$d), 'Scale', 'Car',
                       'Customer ' || g, 'c' || g || '@example.com', '+49 30 ' || g, 'L' || g,
                       date_trunc('day', now()) + ((g / %1$d) * 3 - 400) * interval '1 day',
                       date_trunc('day', now()) + ((g / %1$d) * 3 - 398) * interval '1 day',
                       CASE WHEN (g / %1$d) * 3 - 398 < 0 THEN 'RETURNED' ELSE 'RESERVED' END,
                       49.00, 'EUR', 2, 'LIVE', 1, now(), 'agent', false
                FROM generate_series(0, %2$d) g""".formatted(cars, bookings - 1);
        try (Connection c = DriverManager.getConnection(bookingDatabaseUrl); Statement s = c.createStatement()) {
            s.execute(fleet);
            s.execute(history);
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the scale data failed: " + e.getMessage(), e);
        }
    }
}
