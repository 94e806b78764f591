package com.drivenow.desk.signin;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first screen: the sign-in form on a card in the middle of the window. */
public final class SignInView extends StackPane {

    public SignInView(SignInForm form) {
        getStyleClass().add("sign-in-view");
        Label title = new Label("DriveNow Desk");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("Sign in to your counter");
        subtitle.getStyleClass().add("text-muted");
        VBox card = new VBox(6, title, subtitle, form);
        VBox.setMargin(form, new javafx.geometry.Insets(18, 0, 0, 0));
        card.getStyleClass().add("sign-in-card");
        card.setMaxSize(440, USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }
}
