package com.drivenow.desk;

import com.drivenow.desk.api.Car;
import com.drivenow.desk.api.CarStatus;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the desk headless against the contract server: sign-in, booking flows, live updates, roles. */
@ExtendWith(ApplicationExtension.class)
class DeskFlowsTest {

    private ContractGatewayServer server;
    private DemoFleet demo;
    private Preferences prefsNode;

    @Start
    void start(Stage stage) throws IOException {
        server = new ContractGatewayServer();
        demo = new DemoFleet(server);
        prefsNode = Preferences.userRoot().node("drivenow-desk-test-" + System.nanoTime());
        new DeskShell(stage, new DeskPreferences(prefsNode), LaunchOptions.parse(java.util.List.of("--gateway=" + server.uri()))).show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        server.close();
        prefsNode.removeNode();
    }

    @Test
    void wrongPasswordSaysSo(FxRobot robot) {
        signIn(robot, "agent", "not-the-password");
        waitUntil(() -> text(robot, "#sign-in-message").contains("Wrong user name or password"));
    }

    @Test
    void unreachableGatewaySaysSo(FxRobot robot) {
        robot.clickOn("#gateway").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("http://127.0.0.1:9");
        signIn(robot, "agent", "agent");
        waitUntil(() -> text(robot, "#sign-in-message").contains("Cannot reach the DriveNow gateway at http://127.0.0.1:9"));
    }

    @Test
    void walkInIsBookedAndHandedOver(FxRobot robot) {
        signInAsAgent(robot);
        robot.clickOn("#walk-in-booking");
        robot.clickOn("#wizard-next");                              // find cars for now .. tomorrow 10:00
        waitUntil(() -> robot.lookup("#offers").queryTableView().getItems().size() > 0);
        robot.clickOn("#wizard-next");                              // first free car
        robot.clickOn("#customer-name").write("Erika Mustermann");
        robot.clickOn("#customer-licence").write("B072RRE2I55");
        robot.clickOn("#customer-phone").write("+49 30 555 0101");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-mileage-out").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("12345");
        robot.clickOn("#wizard-next");
        waitUntil(() -> text(robot, "#summary-customer").equals("Erika Mustermann")
                && robot.lookup(".badge-active").tryQuery().isPresent());
    }

    @Test
    void returnShowsTheFinalPriceWithLateCharge(FxRobot robot) {
        signInAsAgent(robot);
        TableView<?> overdue = robot.lookup("#overdue-returns").queryTableView();
        waitUntil(() -> overdue.getItems().size() == 1);            // Sofia Marino, due five hours ago
        robot.clickOn("#overdue-returns").type(KeyCode.DOWN).type(KeyCode.ENTER);
        robot.clickOn("#mileage-in").write("13500");
        robot.clickOn("#dialog-action");
        // booked 3 days minus 5 h = 3 started days; returned now = 4 started days at 129.00
        waitUntil(() -> text(robot, "#final-price").contains("Final price") && text(robot, "#final-price").contains("516")
                && text(robot, "#final-price").contains("late charge"));
    }

    @Test
    void reservationIsCancelledWithAReason(FxRobot robot) {
        signInAsAgent(robot);
        TableView<?> pickUps = robot.lookup("#pickups-today").queryTableView();
        waitUntil(() -> pickUps.getItems().size() == 2);
        robot.clickOn("#pickups-today").type(KeyCode.DOWN).type(KeyCode.ENTER);
        robot.clickOn("#cancel-reservation");
        robot.clickOn("#dialog-action");
        waitUntil(() -> text(robot, ".notice-error").contains("Say why"));
        robot.clickOn("#cancel-reason").write("Customer called: flight cancelled");
        robot.clickOn("#dialog-action");
        waitUntil(() -> pickUps.getItems().size() == 1);            // gone from today's list
    }

    @Test
    void carChangedEventUpdatesTheFleetBoard(FxRobot robot) {
        signInAsAgent(robot);
        waitUntil(() -> text(robot, "#connection-indicator").equals("Live"));
        robot.clickOn("#nav-fleet");
        Car golf = demo.golf;
        server.changeCar(new Car(golf.id(), golf.plate(), golf.make(), golf.model(), golf.year(), golf.category(), golf.seats(),
                golf.transmission(), golf.fuelType(), golf.dailyRate(), golf.location(), golf.mileageKm(),
                CarStatus.MAINTENANCE, golf.version() + 1, golf.createdAt(), Instant.now()));
        TableView<Car> board = robot.lookup("#fleet-table").queryTableView();
        waitUntil(() -> board.getItems().stream().anyMatch(c -> c.id().equals(golf.id()) && c.status() == CarStatus.MAINTENANCE));
    }

    @Test
    void agentDoesNotSeeManagerActions(FxRobot robot) {
        signInAsAgent(robot);
        robot.clickOn("#nav-fleet");
        assertThat(robot.lookup("#fleet-table").tryQuery()).isPresent();
        assertThat(robot.lookup("#manager-actions").tryQuery()).isEmpty();
        assertThat(robot.lookup("#retire-car").tryQuery()).isEmpty();
    }

    @Test
    void managerPutsACarIntoMaintenance(FxRobot robot) {
        signIn(robot, "manager", "manager");
        waitUntil(() -> robot.lookup("#main-window").tryQuery().isPresent());
        robot.clickOn("#nav-fleet");
        TableView<Car> board = robot.lookup("#fleet-table").queryTableView();
        waitUntil(() -> board.getItems().size() == 12);
        robot.clickOn("#fleet-search").write("B-DN 1042");
        waitUntil(() -> board.getItems().size() == 1);
        robot.clickOn("#fleet-search").type(KeyCode.DOWN);
        robot.clickOn("#toggle-maintenance");
        waitUntil(() -> board.getItems().getFirst().status() == CarStatus.MAINTENANCE);
    }

    private void signInAsAgent(FxRobot robot) {
        signIn(robot, "agent", "agent");
        waitUntil(() -> robot.lookup("#main-window").tryQuery().isPresent());
        try {
            waitUntil(() -> text(robot, "#fleet-count").startsWith("12 of 12"));
        } catch (AssertionError e) {
            throw new AssertionError("fleet count '" + text(robot, "#fleet-count") + "', notice '" + text(robot, "#main-notice") + "'", e);
        }
    }

    private static void signIn(FxRobot robot, String user, String password) {
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write(password);
        robot.clickOn("#sign-in");
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        return node.map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Condition not met within 10 s", e);
        }
    }
}
