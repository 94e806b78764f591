package com.drivenow.desk;

import com.drivenow.desk.api.Booking;
import com.drivenow.desk.api.Branch;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static com.drivenow.desk.DeskDriver.text;
import static com.drivenow.desk.DeskDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every screen over the demo branch into target/screenshots on every build, so a broken screen
 * fails the build; {@code -Ddesk.screenshots=../docs/screenshots} refreshes the README's copies. The demo data comes from the
 * contract gateway because a real stack cannot hold an overdue rental (bookings start at most 15 minutes back).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    /** Surefire runs in the module directory. */
    private static final Path OUTPUT = Path.of(System.getProperty("desk.screenshots", "target/screenshots"));

    private ContractGatewayServer server;
    private Preferences prefsNode;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        server = new ContractGatewayServer();
        new DemoFleet(server);
        prefsNode = Preferences.userRoot().node("drivenow-desk-screenshots-" + System.nanoTime());
        new DeskShell(stage, new DeskPreferences(prefsNode), LaunchOptions.parse(List.of("--gateway=" + server.uri()))).show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        server.close();
        prefsNode.removeNode();
    }

    @Test
    void rendersEveryScreen(FxRobot robot) throws Exception {
        Files.createDirectories(OUTPUT);
        robot.clickOn("#username").write("manager");
        robot.clickOn("#password").write("manager");
        TextInputControl gateway = robot.lookup("#gateway").queryTextInputControl();
        robot.interact(() -> gateway.setText("http://localhost:8080"));  // the address a reader will use, not this run's port
        save(stage.getScene(), "sign-in");
        robot.interact(() -> gateway.setText(server.uri().toString()));
        robot.clickOn("#sign-in");
        waitUntil(() -> robot.lookup("#open-counter").tryQuery().isPresent());
        save(stage.getScene(), "sign-in-branch");
        robot.clickOn("#open-counter");
        waitUntil(() -> robot.lookup("#main-window").tryQuery().isPresent());
        waitUntil(() -> text(robot, "#fleet-count").startsWith("12 of 12"));
        waitUntil(() -> robot.lookup("#pickups-today").queryTableView().getItems().size() == 2);
        save(stage.getScene(), "counter");

        robot.clickOn("#new-booking");
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#offers").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        save(robot.lookup("#offers").query().getScene(), "booking-wizard");
        robot.type(KeyCode.ESCAPE);

        oneWayBooking(robot);

        robot.clickOn("#pickups-today").type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#mileage-out").tryQuery().isPresent());
        save(robot.lookup("#mileage-out").query().getScene(), "pick-up");
        robot.type(KeyCode.ESCAPE);

        Booking overdue = (Booking) robot.lookup("#overdue-returns").queryTableView().getItems().getFirst();
        robot.clickOn("#overdue-returns").type(KeyCode.DOWN).type(KeyCode.ENTER);
        robot.clickOn("#mileage-in").write(String.valueOf(overdue.mileageOutKm() + 1_184));
        robot.clickOn("#dialog-action");
        waitUntil(() -> robot.lookup("#final-price").tryQuery().isPresent());
        save(robot.lookup("#final-price").query().getScene(), "return-receipt");
        robot.clickOn("#dialog-action");

        robot.clickOn("#nav-fleet");
        TableView<?> board = robot.lookup("#fleet-table").queryTableView();
        robot.interact(() -> board.getSelectionModel().selectFirst());
        save(stage.getScene(), "fleet-board-manager");

        robot.clickOn("#edit-car");
        waitUntil(() -> robot.lookup("#car-plate").tryQuery().isPresent());
        save(robot.lookup("#car-plate").query().getScene(), "car-editor");
        robot.type(KeyCode.ESCAPE);

        robot.clickOn("#nav-planner");
        save(stage.getScene(), "planner");

        robot.clickOn("#theme-toggle");
        save(stage.getScene(), "planner-dark");
        robot.clickOn("#nav-counter");
        save(stage.getScene(), "counter-dark");
        robot.clickOn("#theme-toggle");
    }

    /** The wizard's branch pickers with both branches' hours, then the booked one-way rental returned to the key box: two fee lines. */
    private static void oneWayBooking(FxRobot robot) throws Exception {
        robot.clickOn("#new-booking");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        robot.interact(() -> {
            robot.lookup("#to-date").<DatePicker>query().setValue(tomorrow.plusDays(3));
            robot.lookup("#from-date").<DatePicker>query().setValue(tomorrow);
            ComboBox<Branch> back = robot.lookup("#return-branch").query();
            back.setValue(back.getItems().stream().filter(b -> b.code().equals("MUC-AP")).findFirst().orElseThrow());
        });
        save(robot.lookup("#return-branch").query().getScene(), "booking-wizard-branches");
        DeskDriver.findCars(robot, tomorrow, "10:00", tomorrow.plusDays(3), "23:30", "SUV", "MUC-AP");  // after hours: key box
        DeskDriver.chooseFirstCarFor(robot, "Lukas Hoffmann");
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#fee-0").tryQuery().isPresent());
        save(robot.lookup("#fee-0").query().getScene(), "booking-one-way-fee");
        robot.clickOn("#wizard-next");
    }

    private static void save(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Path file = OUTPUT.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        BufferedImage written = ImageIO.read(file.toFile());
        assertThat(written.getWidth()).as(name).isGreaterThan(300);
        assertThat(written.getHeight()).as(name).isGreaterThan(200);
    }
}
