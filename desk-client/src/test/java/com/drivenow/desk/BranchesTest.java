package com.drivenow.desk;

import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.Money;
import com.drivenow.desk.format.MoneyFormat;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static com.drivenow.desk.DeskDriver.chooseFirstCarFor;
import static com.drivenow.desk.DeskDriver.findCars;
import static com.drivenow.desk.DeskDriver.openCounter;
import static com.drivenow.desk.DeskDriver.signIn;
import static com.drivenow.desk.DeskDriver.signInAndLoad;
import static com.drivenow.desk.DeskDriver.text;
import static com.drivenow.desk.DeskDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branches come from the gateway (GET /api/v1/branches on the contract fake): the sign-in picker, the
 * counter and planner of the chosen branch, times in each branch's zone across a DST change, the wizard's
 * return branch with the one-way fee line, and an opening-hours refusal shown under the time field.
 */
@ExtendWith(ApplicationExtension.class)
class BranchesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private ContractGatewayServer server;
    private DemoFleet fleet;
    private Preferences prefsNode;

    @Start
    void start(Stage stage) throws IOException {
        server = new ContractGatewayServer();
        fleet = new DemoFleet(server);
        prefsNode = Preferences.userRoot().node("drivenow-desk-branches-" + System.nanoTime());
        new DeskShell(stage, new DeskPreferences(prefsNode), LaunchOptions.parse(List.of("--gateway=" + server.uri()))).show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        server.close();
        prefsNode.removeNode();
    }

    @Test
    void theBranchPickerOffersTheGatewaysBranchesAndTheDeskWorksForTheOneChosen(FxRobot robot) {
        signIn(robot, "agent", "agent");
        waitUntil(() -> robot.lookup("#open-counter").tryQuery().isPresent());
        ComboBox<Branch> picker = robot.lookup("#branch").queryComboBox();
        assertThat(picker.getItems()).extracting(Branch::label).containsExactly(
                "Berlin Tegel Airport (BER-TXL)", "Hamburg Central Station (HAM)", "Munich Airport (MUC-AP)");
        assertThat(picker.getValue().code()).isEqualTo("BER-TXL");            // the last one used
        robot.interact(() -> picker.setValue(picker.getItems().getLast()));
        openCounter(robot);

        assertThat(text(robot, "#user-label")).endsWith("MUC-AP");
        waitUntil(() -> text(robot, "#fleet-count").startsWith("12 of 12"));  // the fleet board shows every branch
        robot.clickOn("#nav-planner");
        assertThat(text(robot, "#planner-count")).isEqualTo("2 cars at MUC-AP");
        assertThat(robot.lookup("#pickups-today").queryTableView().getItems()).isEmpty();  // BER-TXL's pick-ups are not ours
        assertThat(prefsNode.get("branch", null)).isEqualTo("MUC-AP");
    }

    @Test
    void anOverdueOneWayRentalIsAwaitedAtItsReturnBranchNotWhereItLeft(FxRobot robot) {
        Car kuga = server.addCar("M-DN 3301", "Ford", "Kuga", "SUV", "MUC-AP", "75.00", CarStatus.RENTED);
        Instant now = Instant.now();
        server.addBooking(kuga, "Kai Herfahrer", now.minus(java.time.Duration.ofDays(2)), now.minus(java.time.Duration.ofHours(3)),
                BookingStatus.ACTIVE, "BER-TXL");
        server.addBooking(fleet.golf, "Ben Wegfahrer", now.minus(java.time.Duration.ofDays(2)), now.minus(java.time.Duration.ofHours(2)),
                BookingStatus.ACTIVE, "MUC-AP");
        signInAndLoad(robot, "agent", 13);

        List<String> overdue = robot.lookup("#overdue-returns").queryTableView().getItems().stream()
                .map(b -> ((com.drivenow.desk.api.Booking) b).customer().name()).toList();
        assertThat(overdue).contains("Kai Herfahrer", "Sofia Marino").doesNotContain("Ben Wegfahrer");
    }

    @Test
    void timesAreShownInTheirBranchsZoneAcrossTheChangeToSummerTime(FxRobot robot) {
        server.addBranch(DemoBranches.alwaysOpen("LIS-AP", "Lisbon Airport", "Europe/Lisbon"));
        Car lisbon = server.addCar("AA-00-LX", "Seat", "Leon", "COMPACT", "LIS-AP", "45.00", CarStatus.AVAILABLE);
        // Saturday before the change (EU: Sunday 28 March 2027) to the Monday after: the same instants for both.
        Instant saturday = Instant.parse("2027-03-27T09:00:00Z");
        Instant monday = Instant.parse("2027-03-29T08:00:00Z");
        server.addBooking(fleet.golf, "Dora Sommerzeit", saturday, monday, BookingStatus.RESERVED);
        server.addBooking(lisbon, "Lia Horaverao", saturday, monday, BookingStatus.RESERVED);
        signInAndLoad(robot, "agent", 13);

        assertThat(summary(robot, "Sommerzeit")).containsExactly(
                "Berlin Tegel Airport (BER-TXL)\n" + local("2027-03-27T10:00", BERLIN) + " CET",
                "Berlin Tegel Airport (BER-TXL)\n" + local("2027-03-29T10:00", BERLIN) + " CEST");
        assertThat(summary(robot, "Horaverao")).containsExactly(
                "Lisbon Airport (LIS-AP)\n" + local("2027-03-27T09:00", ZoneId.of("Europe/Lisbon")) + " WET",
                "Lisbon Airport (LIS-AP)\n" + local("2027-03-29T09:00", ZoneId.of("Europe/Lisbon")) + " WEST");
    }

    @Test
    void aOneWayBookingShowsItsFeeLine(FxRobot robot) {
        signInAndLoad(robot, "agent", 12);
        robot.clickOn("#new-booking");
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        assertThat(text(robot, "#return-hours")).contains("open 24 h");
        findCars(robot, tomorrow, "10:00", tomorrow.plusDays(2), "10:00", "SUV", "MUC-AP");
        chooseFirstCarFor(robot, "Ida Einweg");
        assertThat(text(robot, "#wizard-one-way")).contains("booking server");
        robot.clickOn("#wizard-next");
        waitUntil(() -> text(robot, "#summary-customer").equals("Ida Einweg"), () -> "wizard says '" + text(robot, "#wizard-notice") + "'");

        MoneyFormat money = new MoneyFormat(Locale.getDefault());
        assertThat(text(robot, "#fee-0")).isEqualTo(money.format(new Money("EUR", new BigDecimal(ContractGatewayServer.ONE_WAY_FEE))));
        assertThat(text(robot, "#summary-price")).isEqualTo(money.format(new Money("EUR", new BigDecimal("207.00"))));  // 2 x 79 + 49
        assertThat(text(robot, "#summary-to")).startsWith("Munich Airport (MUC-AP)\n").endsWith("(one-way)");
    }

    @Test
    void aOneWayWalkInIsTakenBackWithTheFeeOnTheReceipt(FxRobot robot) {
        signInAndLoad(robot, "agent", 12);
        robot.clickOn("#walk-in-booking");
        // Back two days from now to the minute (Munich is open then, else its key box adds a second fee): 2 started days.
        java.time.ZonedDateTime back = java.time.ZonedDateTime.now(BERLIN).plusDays(2).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        findCars(robot, back.toLocalDate(), "10:00", back.toLocalDate(), back.toLocalTime().toString(), "SUV", "MUC-AP");
        chooseFirstCarFor(robot, "Eva Rueckgabe");
        robot.clickOn("#wizard-next");
        waitUntil(() -> DeskDriver.showsBadge(robot, "Active"), () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
        robot.clickOn("#wizard-next");                                   // Done

        DeskDriver.replaceText(robot, "#booking-search", "Rueckgabe");
        waitUntil(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.clickOn("#booking-search").type(KeyCode.ENTER).type(KeyCode.ENTER);
        robot.clickOn("#mileage-in").write("99999");
        robot.clickOn("#dialog-action");
        waitUntil(() -> robot.lookup("#final-price").tryQuery().isPresent(), () -> "dialog says '" + text(robot, ".notice") + "'");
        MoneyFormat money = new MoneyFormat(Locale.getDefault());
        assertThat(text(robot, "#receipt #fee-0")).isEqualTo(money.format(new Money("EUR", new BigDecimal(ContractGatewayServer.ONE_WAY_FEE))));
        assertThat(text(robot, "#receipt #price-days")).isEqualTo(money.format(new Money("EUR", new BigDecimal("158.00"))));  // 2 started days x 79
        assertThat(text(robot, "#final-price")).isEqualTo(money.format(new Money("EUR",
                new BigDecimal(text(robot, "#receipt #fee-1").isEmpty() ? "207.00" : "232.00"))));
        robot.clickOn("#dialog-action");
    }

    @Test
    void aReturnOutsideTheHoursIsShownUnderTheTimeFieldAndCanBeCorrected(FxRobot robot) {
        signInAndLoad(robot, "agent", 12);
        robot.clickOn("#new-booking");
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        findCars(robot, tomorrow, "10:00", tomorrow.plusDays(2), "22:30", "SUV", "HAM");   // Hamburg closes at 20:00 at the latest
        chooseFirstCarFor(robot, "Ole Spaet");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#to-problem").tryQuery().map(javafx.scene.Node::isVisible).orElse(false),
                () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
        assertThat(text(robot, "#to-problem"))
                .startsWith("Return outside the opening hours, and HAM has no key box: HAM is open ")
                .contains("22:30 local time is outside")
                .endsWith("Choose a return time within the return branch's hours, or a return branch with a key box.");
        assertThat(text(robot, "#wizard-notice")).contains("correct what is marked");

        robot.interact(() -> robot.lookup("#to-time").<javafx.scene.control.TextField>query().setText("12:00"));
        assertThat(robot.lookup("#to-problem").query().isVisible()).isFalse();
        robot.clickOn("#wizard-next");                                   // find cars again: the same car comes first
        waitUntil(() -> robot.lookup("#offers").tryQuery().isPresent());
        robot.clickOn("#wizard-next").clickOn("#wizard-next").clickOn("#wizard-next");
        waitUntil(() -> text(robot, "#summary-customer").equals("Ole Spaet"), () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
        robot.type(KeyCode.ESCAPE);
    }

    /** Finds the booking by customer, opens it and reads its pick-up and return lines. */
    private static List<String> summary(FxRobot robot, String customer) {
        DeskDriver.replaceText(robot, "#booking-search", customer);
        waitUntil(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.clickOn("#booking-search").type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#summary-from").tryQuery().isPresent());
        List<String> lines = List.of(text(robot, "#summary-from"), text(robot, "#summary-to"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#summary-from").tryQuery().isEmpty());
        return lines;
    }

    private static String local(String wallClock, ZoneId zone) {
        return new com.drivenow.desk.format.TimeFormat(zone, Locale.getDefault())
                .dateTime(java.time.LocalDateTime.parse(wallClock).atZone(zone).toInstant());
    }
}
