package com.drivenow.desk;

import com.drivenow.desk.api.Branch;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** What the TestFX tests do to the desk again and again: sign in, read a label, wait for the screen. */
final class DeskDriver {

    private DeskDriver() {
    }

    static void signIn(FxRobot robot, String user, String password) {
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write(password);
        robot.clickOn("#sign-in");
    }

    /** After the credentials, the second step: opens the counter at the preselected branch (the last one used). */
    static void openCounter(FxRobot robot) {
        waitUntil(() -> robot.lookup("#open-counter").tryQuery().isPresent(),
                () -> "sign-in says '" + text(robot, "#sign-in-message") + "'");
        robot.clickOn("#open-counter");
        waitUntil(() -> robot.lookup("#main-window").tryQuery().isPresent());
    }

    /** Signs in at the preselected branch and waits until the fleet is loaded ({@code cars} of them). */
    static void signInAndLoad(FxRobot robot, String user, int cars) {
        signIn(robot, user, user);
        openCounter(robot);
        waitUntil(() -> text(robot, "#fleet-count").startsWith(cars + " of " + cars),
                () -> "fleet count '" + text(robot, "#fleet-count") + "', notice '" + text(robot, "#main-notice") + "'");
    }

    /**
     * Fills the wizard's first step: the window (each time on its branch's clock), the category and the
     * return branch by code (null keeps it), then finds cars and waits for the offers.
     */
    static void findCars(FxRobot robot, LocalDate fromDay, String fromTime, LocalDate toDay, String toTime,
                         String category, String returnBranch) {
        robot.interact(() -> {
            robot.lookup("#from-date").<DatePicker>query().setValue(fromDay);
            robot.lookup("#to-date").<DatePicker>query().setValue(toDay);
            robot.lookup("#from-time").<TextField>query().setText(fromTime);
            robot.lookup("#to-time").<TextField>query().setText(toTime);
            robot.lookup("#category").<ComboBox<String>>query().setValue(category);
            if (returnBranch != null) {
                ComboBox<Branch> back = robot.lookup("#return-branch").query();
                back.setValue(back.getItems().stream().filter(b -> b.code().equals(returnBranch)).findFirst()
                        .orElseThrow(() -> new AssertionError("the return branch picker does not offer " + returnBranch)));
            }
        });
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#offers").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false),
                () -> "wizard says '" + text(robot, "#wizard-notice") + "'");
    }

    /** Takes the first offer, fills the customer and goes to the confirmation. */
    static void chooseFirstCarFor(FxRobot robot, String name) {
        robot.clickOn("#wizard-next");
        robot.clickOn("#customer-name").write(name);
        robot.clickOn("#customer-licence").write("B072RRE2I55");
        robot.clickOn("#customer-email").write("customer@example.com");
        robot.clickOn("#customer-phone").write("+49 30 555 0101");
        robot.clickOn("#wizard-next");
    }

    static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    static String text(FxRobot robot, String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        return node.map(n -> ((Labeled) n).getText()).orElse("");
    }

    /** True when some status badge on screen reads {@code label} ("Active", "Maintenance"...). */
    static boolean showsBadge(FxRobot robot, String label) {
        return robot.lookup(".badge").queryAll().stream().anyMatch(n -> label.equals(((Labeled) n).getText()));
    }

    static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> whatWasSeen) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 15 s. " + whatWasSeen.get(), e);
        }
    }
}
