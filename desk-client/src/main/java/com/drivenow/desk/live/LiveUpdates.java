package com.drivenow.desk.live;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.Json;
import com.drivenow.desk.data.BookingStore;
import com.drivenow.desk.data.FleetStore;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.lang.System.Logger;
import java.util.function.Consumer;

/** Applies car.changed and booking.changed events to the stores; other event types are ignored. FX thread. */
public final class LiveUpdates implements Consumer<SseEvent> {

    private static final Logger LOG = System.getLogger(LiveUpdates.class.getName());

    private final FleetStore fleet;
    private final BookingStore bookings;

    public LiveUpdates(FleetStore fleet, BookingStore bookings) {
        this.fleet = fleet;
        this.bookings = bookings;
    }

    @Override
    public void accept(SseEvent event) {
        try {
            switch (event.type()) {
                case "car.changed" -> fleet.upsert(Json.MAPPER.readValue(event.data(), Car.class));
                case "booking.changed" -> bookings.upsert(Json.MAPPER.readValue(event.data(), Booking.class));
                default -> { }
            }
        } catch (JsonProcessingException e) {
            // One unreadable event must not stop the stream; the next full load repairs the view.
            LOG.log(Logger.Level.WARNING, "Unreadable " + event.type() + " event " + event.id(), e);
        }
    }
}
