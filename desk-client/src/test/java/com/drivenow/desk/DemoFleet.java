package com.drivenow.desk;

import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A realistic Berlin branch and two others (codes as in the local stack's demo fleet): twelve cars and the bookings of a normal day (tests and screenshots). */
final class DemoFleet {

    final Car golf;
    final Car polo;
    final Car tiguan;
    final Car octavia;

    DemoFleet(ContractGatewayServer server) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        server.addBranch(DemoBranches.alwaysOpen("BER-TXL", "Berlin Tegel Airport", "Europe/Berlin"));
        server.addBranch(DemoBranches.branch("MUC-AP", "Munich Airport", "Europe/Berlin", "06:00", "23:00", "08:00", "20:00", true));
        server.addBranch(DemoBranches.branch("HAM", "Hamburg Central Station", "Europe/Berlin", "07:00", "20:00", "09:00", "14:00", false));
        golf = server.addCar("B-DN 1042", "Volkswagen", "Golf", "COMPACT", "BER-TXL", "49.00", CarStatus.AVAILABLE);
        polo = server.addCar("B-DN 2210", "Volkswagen", "Polo", "ECONOMY", "BER-TXL", "39.00", CarStatus.AVAILABLE);
        tiguan = server.addCar("B-DN 3307", "Volkswagen", "Tiguan", "SUV", "BER-TXL", "79.00", CarStatus.AVAILABLE);
        octavia = server.addCar("B-DN 4518", "Skoda", "Octavia", "MIDSIZE", "BER-TXL", "59.00", CarStatus.AVAILABLE);
        Car bmw = server.addCar("B-DN 5120", "BMW", "5 Series", "LUXURY", "BER-TXL", "129.00", CarStatus.AVAILABLE);
        Car vito = server.addCar("B-DN 6001", "Mercedes-Benz", "Vito", "VAN", "BER-TXL", "99.00", CarStatus.AVAILABLE);
        Car corsa = server.addCar("B-DN 7733", "Opel", "Corsa", "ECONOMY", "BER-TXL", "37.00", CarStatus.AVAILABLE);
        server.addCar("B-DN 8164", "Toyota", "Corolla", "COMPACT", "BER-TXL", "47.00", CarStatus.MAINTENANCE);
        Car kuga = server.addCar("M-DN 1190", "Ford", "Kuga", "SUV", "MUC-AP", "75.00", CarStatus.AVAILABLE);
        server.addCar("M-DN 2281", "Audi", "A4 Avant", "MIDSIZE", "MUC-AP", "69.00", CarStatus.AVAILABLE);
        server.addCar("HH-DN 310", "Renault", "Clio", "ECONOMY", "HAM", "35.00", CarStatus.RETIRED);
        server.addCar("HH-DN 422", "Tesla", "Model 3", "LUXURY", "HAM", "109.00", CarStatus.AVAILABLE);

        server.addBooking(polo, "Jonas Becker", now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)), BookingStatus.RESERVED);
        server.addBooking(octavia, "Lena Fischer", now.plus(Duration.ofHours(4)), now.plus(Duration.ofDays(2)), BookingStatus.RESERVED);
        server.addBooking(bmw, "Sofia Marino", now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(5)), BookingStatus.ACTIVE);
        server.addBooking(vito, "Tom Richter", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(4)), BookingStatus.ACTIVE);
        server.addBooking(corsa, "Aylin Yilmaz", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(7)), BookingStatus.RESERVED);
        server.addBooking(tiguan, "Paul Wagner", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(9)), BookingStatus.RESERVED);
        server.addBooking(kuga, "Mia Schulz", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)), BookingStatus.RESERVED);
        List.of(golf).forEach(c -> server.addBooking(c, "Noah Klein", now.plus(Duration.ofDays(8)), now.plus(Duration.ofDays(12)), BookingStatus.RESERVED));
    }
}
