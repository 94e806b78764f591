package com.drivenow.desk;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.BookingQuery;
import com.drivenow.desk.api.BookingStatus;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import com.drivenow.desk.api.Customer;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.NewBooking;
import com.drivenow.desk.format.MoneyFormat;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static com.drivenow.desk.DeskDriver.chooseFirstCarFor;
import static com.drivenow.desk.DeskDriver.findCars;
import static com.drivenow.desk.DeskDriver.replaceText;
import static com.drivenow.desk.DeskDriver.signIn;
import static com.drivenow.desk.DeskDriver.showsBadge;
import static com.drivenow.desk.DeskDriver.signInAndLoad;
import static com.drivenow.desk.DeskDriver.text;
import static com.drivenow.desk.DeskDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the desk headless against the real gateway, booking and inventory servers (one stack for the
 * class): sign-in, walk-in with hand-over, return with its price, a one-way booking with its fee, cancel, another desk's change arriving
 * live on the fleet board, and roles.
 */
@ExtendWith(ApplicationExtension.class)
class DeskFlowsTest {

    private static RealStack stack;
    private static Car suv;
    private static Car midsize;
    private static Car van;
    private static Car luxury;

    private Preferences prefsNode;

    @BeforeAll
    static void startStack() {
        stack = RealStack.start("desk_flows");
        List<Car> cars = stack.seed(List.of(
                RealStack.car("B-RS 101", "Volkswagen", "Golf", "COMPACT", "BER-TXL", "49.00"),
                RealStack.car("B-RS 202", "Volkswagen", "Tiguan", "SUV", "BER-TXL", "79.00"),
                RealStack.car("B-RS 303", "Skoda", "Octavia", "MIDSIZE", "BER-TXL", "59.00"),
                RealStack.car("B-RS 404", "Mercedes-Benz", "Vito", "VAN", "BER-TXL", "99.00"),
                RealStack.car("B-RS 505", "BMW", "5 Series", "LUXURY", "BER-TXL", "129.00"),
                RealStack.car("B-RS 606", "Opel", "Corsa", "ECONOMY", "BER-TXL", "37.00")));
        suv = cars.get(1);
        midsize = cars.get(2);
        van = cars.get(3);
        luxury = cars.get(4);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Start
    void start(Stage stage) {
        prefsNode = Preferences.userRoot().node("drivenow-desk-test-" + System.nanoTime());
        new DeskShell(stage, new DeskPreferences(prefsNode), LaunchOptions.parse(List.of("--gateway=" + stack.gateway()))).show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefsNode.removeNode();
    }

    @Test
    void wrongPasswordSaysSo(FxRobot robot) {
        signIn(robot, "agent", "not-the-password");
        waitUntil(() -> text(robot, "#sign-in-message").contains("Wrong user name or password"));
    }

    @Test
    void unreachableGatewaySaysSo(FxRobot robot) {
        replaceText(robot, "#gateway", "http://127.0.0.1:9");
        signIn(robot, "agent", "agent");
        waitUntil(() -> text(robot, "#sign-in-message").contains("Cannot reach the DriveNow gateway at http://127.0.0.1:9"));
    }

    @Test
    void walkInIsHandedOverAndReturnedWithItsPrice(FxRobot robot) {
        signInAndLoad(robot, "agent", 6);
        robot.clickOn("#walk-in-booking");
        ComboBox<String> category = robot.lookup("#category").queryComboBox();
        robot.interact(() -> category.setValue("SUV"));
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#offers").tryQuery().map(t -> ((TableView<?>) t).getItems().size() == 1).orElse(false),
                () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
        robot.clickOn("#wizard-next");
        robot.clickOn("#customer-name").write("Erika Mustermann");
        robot.clickOn("#customer-licence").write("B072RRE2I55");
        robot.clickOn("#customer-email").write("erika@example.com");
        robot.clickOn("#customer-phone").write("+49 30 555 0101");
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-mileage-out")).startsWith("24,500 km");
        robot.clickOn("#wizard-next");
        waitUntil(() -> text(robot, "#summary-customer").equals("Erika Mustermann") && showsBadge(robot, "Active"),
                () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
        Booking handedOver = onlyBookingOf(stack.anotherDesk("agent"), "Mustermann");
        assertThat(handedOver.status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(handedOver.carId()).isEqualTo(suv.id());
        assertThat(handedOver.mileageOutKm()).isEqualTo(24_500);
        robot.clickOn("#wizard-next");                               // Done

        robot.clickOn("#booking-search").write("Mustermann");
        waitUntil(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.clickOn("#booking-search").type(KeyCode.ENTER).type(KeyCode.ENTER);
        robot.clickOn("#mileage-in").write("24812");
        robot.clickOn("#dialog-action");
        waitUntil(() -> robot.lookup("#final-price").tryQuery().isPresent());
        Booking returned = onlyBookingOf(stack.anotherDesk("agent"), "Mustermann");
        assertThat(returned.status()).isEqualTo(BookingStatus.RETURNED);
        assertThat(returned.mileageInKm()).isEqualTo(24_812);
        assertThat(returned.price().amount().remainder(suv.dailyRate().amount())).isZero();
        assertThat(text(robot, "#final-price")).isEqualTo(new MoneyFormat(Locale.getDefault()).format(returned.price()));
    }

    @Test
    void oneWayBookingGoesToAnotherBranchWithItsFee(FxRobot robot) {
        signInAndLoad(robot, "agent", 6);
        robot.clickOn("#new-booking");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        findCars(robot, tomorrow, "10:00", tomorrow.plusDays(2), "10:00", "COMPACT", RealStack.ONE_WAY_BRANCH);
        chooseFirstCarFor(robot, "Ida Einweg");
        assertThat(text(robot, "#confirm-to")).startsWith("Test branch MUC-AP (MUC-AP) · ");
        assertThat(robot.lookup("#wizard-one-way").tryQuery()).isPresent();
        robot.clickOn("#wizard-next");
        waitUntil(() -> text(robot, "#summary-customer").equals("Ida Einweg"), () -> "wizard says '" + text(robot, "#wizard-notice") + "'");

        Booking booked = onlyBookingOf(stack.anotherDesk("agent"), "Einweg");
        assertThat(booked.pickUpBranch()).isEqualTo("BER-TXL");
        assertThat(booked.returnBranch()).isEqualTo(RealStack.ONE_WAY_BRANCH);
        assertThat(booked.priceBreakdown().fees()).singleElement()
                .satisfies(fee -> assertThat(fee.name()).isEqualTo("one-way BER-TXL to MUC-AP"));
        MoneyFormat money = new MoneyFormat(Locale.getDefault());
        assertThat(text(robot, "#fee-0")).isEqualTo(money.format(booked.priceBreakdown().fees().getFirst().amount()));
        assertThat(text(robot, "#summary-price")).isEqualTo(money.format(booked.price()));
        assertThat(text(robot, "#summary-to")).endsWith("(one-way)");
        robot.clickOn("#wizard-next");                               // Done
    }

    @Test
    void reservationIsCancelledWithAReason(FxRobot robot) {
        GatewayClient phone = stack.anotherDesk("agent");
        Booking reserved = phone.book(new NewBooking(midsize.id(), Instant.now(), Instant.now().plus(Duration.ofDays(2)),
                new Customer("Lena Fischer", "lena.fischer@example.com", "+49 30 555 0199", "B0LF12345"), false, null), UUID.randomUUID());
        signInAndLoad(robot, "agent", 6);
        TableView<Booking> pickUps = robot.lookup("#pickups-today").queryTableView();
        waitUntil(() -> pickUps.getItems().stream().anyMatch(b -> b.id().equals(reserved.id())));
        robot.interact(() -> {
            pickUps.getSelectionModel().select(pickUps.getItems().stream().filter(b -> b.id().equals(reserved.id())).findFirst().orElseThrow());
            pickUps.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        robot.clickOn("#cancel-reservation");
        robot.clickOn("#dialog-action");
        waitUntil(() -> text(robot, ".notice-error").contains("Say why"));
        robot.clickOn("#cancel-reason").write("Customer called: flight cancelled");
        robot.clickOn("#dialog-action");
        waitUntil(() -> pickUps.getItems().stream().noneMatch(b -> b.id().equals(reserved.id())));
        assertThat(phone.booking(reserved.id()).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void anotherDesksChangeAppearsOnTheBoardWithoutARefresh(FxRobot robot) {
        signInAndLoad(robot, "agent", 6);
        waitUntil(() -> text(robot, "#connection-indicator").equals("Live"));
        robot.clickOn("#nav-fleet");
        TableView<Car> board = robot.lookup("#fleet-table").queryTableView();
        GatewayClient manager = stack.anotherDesk("manager");
        manager.startMaintenance(van.id());
        try {
            waitUntil(() -> board.getItems().stream().anyMatch(c -> c.id().equals(van.id()) && c.status() == CarStatus.MAINTENANCE));
        } finally {
            manager.endMaintenance(van.id());
        }
    }

    @Test
    void agentDoesNotSeeManagerActions(FxRobot robot) {
        signInAndLoad(robot, "agent", 6);
        robot.clickOn("#nav-fleet");
        robot.clickOn("#fleet-table").type(KeyCode.DOWN);
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);  // the manager's edit key does nothing
        assertThat(robot.lookup("#car-plate").tryQuery()).isEmpty();
        assertThat(robot.lookup("#manager-actions").tryQuery()).isEmpty();
        assertThat(robot.lookup("#retire-car").tryQuery()).isEmpty();
    }

    @Test
    void managerPutsACarIntoMaintenance(FxRobot robot) {
        signInAndLoad(robot, "manager", 6);
        robot.clickOn("#nav-fleet");
        TableView<Car> board = robot.lookup("#fleet-table").queryTableView();
        robot.clickOn("#fleet-search").write(luxury.plate());
        waitUntil(() -> board.getItems().size() == 1);
        robot.clickOn("#fleet-search").type(KeyCode.DOWN);
        robot.clickOn("#toggle-maintenance");
        waitUntil(() -> board.getItems().getFirst().status() == CarStatus.MAINTENANCE);
        GatewayClient api = stack.anotherDesk("manager");
        assertThat(api.car(luxury.id()).status()).isEqualTo(CarStatus.MAINTENANCE);
        api.endMaintenance(luxury.id());
    }

    private static Booking onlyBookingOf(GatewayClient client, String customer) {
        List<Booking> found = client.bookings(BookingQuery.text(customer), 0, 10).items();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
