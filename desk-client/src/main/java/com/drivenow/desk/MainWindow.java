package com.drivenow.desk;

import com.drivenow.desk.api.GatewayException;
import com.drivenow.desk.api.GatewayHealthListener;
import com.drivenow.desk.booking.BookingFlows;
import com.drivenow.desk.counter.CounterView;
import com.drivenow.desk.data.DeskLoader;
import com.drivenow.desk.fleet.FleetBoard;
import com.drivenow.desk.live.Backoff;
import com.drivenow.desk.live.EventStream;
import com.drivenow.desk.live.LiveUpdates;
import com.drivenow.desk.live.StreamState;
import com.drivenow.desk.planner.PlannerView;
import com.drivenow.desk.ui.Async;
import com.drivenow.desk.ui.BusyState;
import com.drivenow.desk.ui.ConnectionIndicator;
import com.drivenow.desk.ui.Notice;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The signed-in window: header with navigation and status, the three screens, live updates. */
public final class MainWindow extends BorderPane {

    private final DeskContext context;
    private final DeskPreferences preferences;
    private final Runnable signOut;
    private final BusyState loading = new BusyState();
    private final Notice notice = new Notice();
    private final EventStream events;
    private final ConnectionIndicator indicator;
    private final CounterView counter;
    private final FleetBoard fleet;
    private final PlannerView planner;
    private final List<DeskScreen> screens;
    private final ToggleGroup navigation = new ToggleGroup();
    private DeskScreen current;

    public MainWindow(DeskContext context, DeskPreferences preferences, Runnable signOut) {
        this.context = context;
        this.preferences = preferences;
        this.signOut = signOut;
        setId("main-window");
        BookingFlows flows = new BookingFlows(context);
        counter = new CounterView(context, flows);
        fleet = new FleetBoard(context);
        planner = new PlannerView(context, flows);
        screens = List.of(counter, fleet, planner);
        events = new EventStream(context.gateway(), new LiveUpdates(context.fleet(), context.bookings()),
                Platform::runLater, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        indicator = new ConnectionIndicator(events.stateProperty());
        context.gateway().setHealthListener(new GatewayHealthListener() {
            @Override
            public void callSucceeded() {
                Platform.runLater(() -> indicator.setServerOutage(null));
            }

            @Override
            public void outage(GatewayException failure) {
                Platform.runLater(() -> indicator.setServerOutage(failure.getMessage()));
            }
        });

        StackPane center = new StackPane();
        screens.forEach(s -> center.getChildren().add(s.node()));
        setTop(header(flows));
        setCenter(new VBox(notice, center));
        VBox.setVgrow(center, Priority.ALWAYS);
        notice.setId("main-notice");
        show(counter);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene, flows);
            }
        });
    }

    /** Loads the fleet and bookings, then opens the live stream. */
    public void start() {
        reload();
        reloadBranchesOnReconnect();
        events.start();
        Platform.runLater(counter::focusPickUps);
    }

    public void stop() {
        events.close();
    }

    private void reload() {
        DeskLoader loader = new DeskLoader(context.gateway());
        var start = context.session().times().startOfDay(context.session().times().localDate(context.clock().instant()));
        Async.run(loading, () -> loader.load(start, 14), snapshot -> {
            context.session().branches().replaceAll(snapshot.branches());
            context.fleet().replaceAll(snapshot.cars());
            context.bookings().replaceAll(snapshot.bookings());
            notice.clear();
        }, notice::error);
    }

    /** The stream carries no branch changes: a reconnect (the desk may have missed some) reads the list again. */
    private void reloadBranchesOnReconnect() {
        boolean[] wasLive = {false};
        events.stateProperty().addListener((obs, old, now) -> {
            if (now.kind() != StreamState.Kind.LIVE) {
                return;
            }
            if (wasLive[0]) {
                Async.run(loading, context.gateway()::branches, context.session().branches()::replaceAll, notice::error);
            }
            wasLive[0] = true;
        });
    }

    private HBox header(BookingFlows flows) {
        Label brand = new Label("DriveNow");
        brand.getStyleClass().add("brand");
        HBox nav = new HBox(4,
                navButton("nav-counter", "Counter", "Ctrl+1", counter),
                navButton("nav-fleet", "Fleet", "Ctrl+2", fleet),
                navButton("nav-planner", "Planner", "Ctrl+3", planner));
        nav.getStyleClass().add("nav");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(loading.showProgressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label(context.session().user().shownName() + " · " + context.session().branch().code());
        user.setId("user-label");
        user.getStyleClass().add("text-muted");
        Button theme = new Button("◐");
        theme.setId("theme-toggle");
        theme.setOnAction(e -> toggleTheme());
        theme.setTooltip(new javafx.scene.control.Tooltip("Light or dark theme (Ctrl+T)"));
        Button out = new Button("Sign out");
        out.setOnAction(e -> signOut.run());
        HBox header = new HBox(14, brand, nav, spacer, progress, indicator, user, theme, out);
        header.getStyleClass().add("app-header");
        return header;
    }

    private ToggleButton navButton(String id, String text, String key, DeskScreen screen) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(navigation);
        button.setUserData(screen);
        button.setTooltip(new javafx.scene.control.Tooltip(key));
        button.setOnAction(e -> show(screen));
        return button;
    }

    private void show(DeskScreen screen) {
        current = screen;
        screens.forEach(s -> s.node().setVisible(s == screen));
        navigation.getToggles().forEach(t -> t.setSelected(t.getUserData() == screen));
    }

    private void installShortcuts(Scene scene, BookingFlows flows) {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(shortcut(KeyCode.DIGIT1), () -> show(counter));
        keys.put(shortcut(KeyCode.DIGIT2), () -> show(fleet));
        keys.put(shortcut(KeyCode.DIGIT3), () -> show(planner));
        keys.put(shortcut(KeyCode.N), () -> flows.newBooking(false));
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> flows.newBooking(true));
        keys.put(shortcut(KeyCode.F), () -> current.focusSearch());
        keys.put(shortcut(KeyCode.T), this::toggleTheme);
        keys.put(new KeyCodeCombination(KeyCode.F5), this::reload);
        // Screen shortcuts act only while their screen shows.
        for (DeskScreen screen : screens) {
            screen.shortcuts().forEach((key, action) -> keys.put(key, () -> {
                if (current == screen) {
                    action.run();
                }
            }));
        }
        scene.getAccelerators().putAll(keys);
    }

    private void toggleTheme() {
        boolean dark = !preferences.darkTheme();
        preferences.rememberDarkTheme(dark);
        Theme.apply(dark);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
