package com.drivenow.desk;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

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

    /** Signs in and waits until the fleet is loaded ({@code cars} of them). */
    static void signInAndLoad(FxRobot robot, String user, int cars) {
        signIn(robot, user, user);
        waitUntil(() -> robot.lookup("#main-window").tryQuery().isPresent());
        waitUntil(() -> text(robot, "#fleet-count").startsWith(cars + " of " + cars),
                () -> "fleet count '" + text(robot, "#fleet-count") + "', notice '" + text(robot, "#main-notice") + "'");
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
