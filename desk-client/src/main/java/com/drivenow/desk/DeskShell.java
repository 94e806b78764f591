package com.drivenow.desk;

import com.drivenow.desk.api.GatewayClient;
import com.drivenow.desk.api.SignedIn;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.data.Branches;
import com.drivenow.desk.data.BookingStore;
import com.drivenow.desk.data.FleetStore;
import com.drivenow.desk.data.Session;
import com.drivenow.desk.signin.ReSignIn;
import com.drivenow.desk.signin.SignInForm;
import com.drivenow.desk.signin.SignInView;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** Owns the window: the sign-in screen first, then the main window for the signed-in session. */
public final class DeskShell {

    private final Stage stage;
    private final DeskPreferences preferences;
    private final GatewayClient gateway;
    private final Branches branches = new Branches();
    private final Scene scene;
    private final Clock clock;
    private MainWindow main;

    public DeskShell(Stage stage, DeskPreferences preferences, LaunchOptions options) {
        this(stage, preferences, options, Clock.systemUTC());
    }

    public DeskShell(Stage stage, DeskPreferences preferences, LaunchOptions options, Clock clock) {
        this.stage = stage;
        this.preferences = preferences;
        this.clock = clock;
        this.gateway = new GatewayClient(URI.create(options.gatewayOr(preferences)), options.trust());
        gateway.onSessionExpired(new ReSignIn(gateway, preferences, branches, () -> stage));
        Theme.apply(preferences.darkTheme());
        scene = new Scene(signInView(), 1280, 800);
        Theme.style(scene);
        stage.setTitle("DriveNow Desk");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnHidden(e -> closeMain());
    }

    public void show() {
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    public GatewayClient gateway() {
        return gateway;
    }

    private SignInView signInView() {
        return new SignInView(new SignInForm(gateway, preferences, branches, false, this::signedIn));
    }

    private void signedIn(SignedIn signedIn, Branch branch) {
        Session session = Session.of(signedIn.user(), branch, branches, Locale.getDefault());
        DeskContext context = new DeskContext(gateway, session, new FleetStore(), new BookingStore(), clock, () -> stage);
        main = new MainWindow(context, preferences, this::signOut);
        scene.setRoot(main);
        main.start();
        stage.setTitle("DriveNow Desk – " + signedIn.user().shownName() + " @ " + branch.code());
    }

    private void signOut() {
        closeMain();
        gateway.signOut();
        scene.setRoot(signInView());
        stage.setTitle("DriveNow Desk");
    }

    private void closeMain() {
        if (main != null) {
            main.stop();
            main = null;
        }
    }
}
