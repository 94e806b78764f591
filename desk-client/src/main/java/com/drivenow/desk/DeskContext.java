package com.drivenow.desk;

import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.data.BookingStore;
import com.drivenow.desk.data.FleetStore;
import com.drivenow.desk.data.Session;
import javafx.stage.Window;

import java.time.Clock;
import java.util.function.Supplier;

/** What every screen of a signed-in desk shares. */
public record DeskContext(GatewayClient gateway, Session session, FleetStore fleet, BookingStore bookings,
                          Clock clock, Supplier<Window> owner) {
}
