package com.drivenow.desk.signin;

import com.drivenow.desk.DeskPreferences;
import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.SessionRenewal;
import com.drivenow.desk.data.Branches;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers an expired session with a sign-in dialog over the current screen. Calls that fail at the same
 * time share one dialog; once signed in, each repeats its request, so nothing on screen is lost.
 */
public final class ReSignIn implements SessionRenewal {

    private final GatewayClient gateway;
    private final DeskPreferences preferences;
    private final Branches branches;
    private final Supplier<Window> owner;
    private CompletableFuture<Boolean> pending;

    public ReSignIn(GatewayClient gateway, DeskPreferences preferences, Branches branches, Supplier<Window> owner) {
        this.gateway = gateway;
        this.preferences = preferences;
        this.branches = branches;
        this.owner = owner;
    }

    @Override
    public boolean renew() {
        CompletableFuture<Boolean> answer;
        synchronized (this) {
            if (pending == null || pending.isDone()) {
                pending = new CompletableFuture<>();
                CompletableFuture<Boolean> mine = pending;
                Platform.runLater(() -> showDialog(mine));
            }
            answer = pending;
        }
        return answer.join();
    }

    private void showDialog(CompletableFuture<Boolean> answer) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle("Session expired");
        dialog.initOwner(owner.get());
        SignInForm form = new SignInForm(gateway, preferences, branches, true, (signedIn, branch) -> {
            dialog.setResult(true);
            dialog.close();
        });
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.setResultConverter(button -> false);
        dialog.setOnHidden(e -> answer.complete(Boolean.TRUE.equals(dialog.getResult())));
        dialog.show();
    }
}
