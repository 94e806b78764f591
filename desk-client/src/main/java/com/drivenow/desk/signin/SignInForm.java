package com.drivenow.desk.signin;

import com.drivenow.desk.DeskPreferences;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.ProblemException;
import com.drivenow.desk.api.SignedIn;
import com.drivenow.desk.data.Branch;
import com.drivenow.desk.data.BranchDirectory;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.ErrorText;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.Notice;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.net.URI;
import java.util.function.BiConsumer;

/**
 * The sign-in fields and their call, shared by the first sign-in and the re-sign-in after a session
 * expired (where gateway and branch stay as they are).
 */
public final class SignInForm extends VBox {

    private final GatewayClient gateway;
    private final DeskPreferences preferences;
    private final BranchDirectory branches;
    private final BiConsumer<SignedIn, Branch> onSignedIn;
    private final BusyState busy = new BusyState();
    private final TextField gatewayField = Forms.field("gateway", "http://localhost:8080");
    private final TextField userField = Forms.field("username", "user name");
    private final PasswordField passwordField = new PasswordField();
    private final ComboBox<String> branchBox = new ComboBox<>();
    private final Notice notice = new Notice();
    private final Button signIn = new Button("Sign in");
    private final boolean renewing;

    public SignInForm(GatewayClient gateway, DeskPreferences preferences, BranchDirectory branches,
                      boolean renewing, BiConsumer<SignedIn, Branch> onSignedIn) {
        this.gateway = gateway;
        this.preferences = preferences;
        this.branches = branches;
        this.onSignedIn = onSignedIn;
        this.renewing = renewing;
        getStyleClass().add("sign-in-form");
        setSpacing(14);

        gatewayField.setText(gateway.gateway().toString());
        userField.setText(preferences.username());
        passwordField.setId("password");
        passwordField.setPromptText("password");
        branchBox.setId("branch");
        branchBox.setEditable(true);
        branchBox.getItems().setAll(branches.codes());
        branchBox.setValue(preferences.branch());
        branchBox.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = Forms.grid();
        if (!renewing) {
            Forms.row(grid, "_Gateway", gatewayField);
        }
        Forms.row(grid, "_User name", userField);
        Forms.row(grid, "_Password", passwordField);
        if (!renewing) {
            Forms.row(grid, "_Branch", branchBox);
        }

        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(busy.busyProperty());
        signIn.setOnAction(e -> submit());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(busy.showProgressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, progress, spacer, signIn);

        notice.setId("sign-in-message");
        if (renewing) {
            notice.info("Your session has expired. Sign in again to carry on; your screen stays as it was.");
        }
        getChildren().addAll(grid, notice, actions);
        Platform.runLater(() -> (userField.getText().isBlank() ? userField : passwordField).requestFocus());
    }

    private void submit() {
        String user = userField.getText().trim();
        String password = passwordField.getText();
        // Renewing keeps the branch of the session; its box is not on screen then, so its editor holds nothing.
        String branchCode = renewing ? preferences.branch() : branchBox.getEditor().getText().trim();
        URI address;
        try {
            address = URI.create(gatewayField.getText().trim());
            if (address.getScheme() == null || address.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            notice.error("The gateway address must look like http://host:8080.");
            gatewayField.requestFocus();
            return;
        }
        if (user.isEmpty() || password.isEmpty() || branchCode.isEmpty()) {
            notice.error("Enter user name, password and branch.");
            return;
        }
        notice.clear();
        gateway.setGateway(address);
        Async.run(busy, () -> gateway.signIn(user, password), signedIn -> {
            preferences.rememberGateway(address.toString());
            preferences.rememberUsername(user);
            preferences.rememberBranch(branchCode.toUpperCase());
            passwordField.clear();
            onSignedIn.accept(signedIn, branches.branch(branchCode));
        }, failure -> {
            boolean wrongPassword = failure instanceof ProblemException p && p.status() == 401;
            notice.error(wrongPassword ? "Wrong user name or password. Check both and try again." : ErrorText.describe(failure));
            passwordField.selectAll();
            passwordField.requestFocus();
        });
    }
}
