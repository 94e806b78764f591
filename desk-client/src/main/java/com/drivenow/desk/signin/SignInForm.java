package com.drivenow.desk.signin;

import com.drivenow.desk.DeskPreferences;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.ProblemException;
import com.drivenow.desk.api.SignedIn;
import com.drivenow.desk.data.Branches;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BranchPicker;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.ErrorText;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.Notice;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The sign-in fields and their call, shared by the first sign-in and the re-sign-in after a session
 * expired (where gateway and branch stay as they are). The gateway lists its branches only to a signed-in
 * desk, so the first sign-in has two steps: credentials, then the branch (the one used last is preselected;
 * Enter opens the counter).
 */
public final class SignInForm extends VBox {

    private final GatewayClient gateway;
    private final DeskPreferences preferences;
    private final Branches branches;
    private final BiConsumer<SignedIn, Branch> onSignedIn;
    private final BusyState busy = new BusyState();
    private final TextField gatewayField = Forms.field("gateway", "http://localhost:8080");
    private final TextField userField = Forms.field("username", "user name");
    private final PasswordField passwordField = new PasswordField();
    private final BranchPicker branchBox;
    private final Notice notice = new Notice();
    private final Button signIn = new Button("Sign in");
    private final Button openCounter = new Button("Open counter");
    private final HBox actions;
    private final boolean renewing;

    public SignInForm(GatewayClient gateway, DeskPreferences preferences, Branches branches,
                      boolean renewing, BiConsumer<SignedIn, Branch> onSignedIn) {
        this.gateway = gateway;
        this.preferences = preferences;
        this.branches = branches;
        this.onSignedIn = onSignedIn;
        this.renewing = renewing;
        this.branchBox = new BranchPicker("branch", branches.all());
        getStyleClass().add("sign-in-form");
        setSpacing(14);

        gatewayField.setText(gateway.gateway().toString());
        userField.setText(preferences.username());
        passwordField.setId("password");
        passwordField.setPromptText("password");

        GridPane grid = Forms.grid();
        if (!renewing) {
            Forms.row(grid, "_Gateway", gatewayField);
        }
        Forms.row(grid, "_User name", userField);
        Forms.row(grid, "_Password", passwordField);

        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(busy.busyProperty());
        signIn.setOnAction(e -> submit());
        openCounter.setId("open-counter");
        openCounter.setDefaultButton(true);
        openCounter.getStyleClass().add("accent");
        openCounter.disableProperty().bind(busy.busyProperty().or(branchBox.valueProperty().isNull()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(busy.showProgressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actions = new HBox(10, progress, spacer, signIn);

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
        if (user.isEmpty() || password.isEmpty()) {
            notice.error("Enter user name and password.");
            return;
        }
        notice.clear();
        gateway.setGateway(address);
        if (renewing) {
            Async.run(busy, () -> gateway.signIn(user, password), signedIn -> {
                passwordField.clear();
                onSignedIn.accept(signedIn, null);
            }, this::refused);
            return;
        }
        Async.run(busy, () -> new Accepted(gateway.signIn(user, password), gateway.branches()), accepted -> {
            preferences.rememberGateway(address.toString());
            preferences.rememberUsername(user);
            passwordField.clear();
            chooseBranch(accepted);
        }, this::refused);
    }

    private record Accepted(SignedIn signedIn, List<Branch> branches) {
    }

    /** Second step: the gateway's branches, the last one used preselected. */
    private void chooseBranch(Accepted accepted) {
        branches.replaceAll(accepted.branches());
        if (branches.all().isEmpty()) {
            gateway.signOut();
            notice.error("The gateway lists no branches yet. Ask a fleet manager to add your branch, then sign in again.");
            return;
        }
        if (!branchBox.select(preferences.branch())) {
            branchBox.getSelectionModel().selectFirst();
        }
        GridPane grid = Forms.grid();
        Forms.row(grid, "_Branch", branchBox);
        openCounter.setOnAction(e -> {
            Branch branch = branchBox.getValue();
            preferences.rememberBranch(branch.code());
            onSignedIn.accept(accepted.signedIn(), branch);
        });
        actions.getChildren().set(actions.getChildren().size() - 1, openCounter);
        getChildren().set(0, grid);
        notice.info("Signed in as " + accepted.signedIn().user().shownName() + ". Choose the branch you work at today.");
        Platform.runLater(branchBox::requestFocus);
    }

    private void refused(Exception failure) {
        boolean wrongPassword = failure instanceof ProblemException p && p.status() == 401;
        notice.error(wrongPassword ? "Wrong user name or password. Check both and try again." : ErrorText.describe(failure));
        passwordField.selectAll();
        passwordField.requestFocus();
    }
}
