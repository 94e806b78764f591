package com.drivenow.desk;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static com.drivenow.desk.DeskDriver.signInAndLoad;
import static com.drivenow.desk.DeskDriver.text;
import static com.drivenow.desk.DeskDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expired session asks for the password over the current screen and then finishes what the agent was
 * doing. On the contract gateway, because a real one issues tokens for hours and cannot be told to expire them.
 */
@ExtendWith(ApplicationExtension.class)
class SessionExpiryTest {

    private ContractGatewayServer server;
    private Preferences prefsNode;

    @Start
    void start(Stage stage) throws IOException {
        server = ContractGatewayServerAccess.withDemoFleet();
        prefsNode = Preferences.userRoot().node("drivenow-desk-expiry-" + System.nanoTime());
        new DeskShell(stage, new DeskPreferences(prefsNode), LaunchOptions.parse(List.of("--gateway=" + server.uri()))).show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        server.close();
        prefsNode.removeNode();
    }

    @Test
    void expiredSessionIsRenewedInPlaceAndTheSearchCompletes(FxRobot robot) {
        signInAndLoad(robot, "agent", 12);
        server.expireTokens();

        robot.clickOn("#booking-search").write("Becker");
        waitUntil(() -> text(robot, "#sign-in-message").contains("Your session has expired"),
                () -> "windows " + robot.listWindows() + ", notice '" + text(robot, "#main-notice") + "'");
        robot.clickOn("#password").write("agent").type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        assertThat(robot.lookup("#main-window").tryQuery()).isPresent();
        assertThat(robot.lookup("#booking-search").queryTextInputControl().getText()).isEqualTo("Becker");
    }
}
