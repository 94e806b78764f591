package com.drivenow.desk.counter;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.DeskScreen;
import com.drivenow.desk.api.Booking;
import com.drivenow.desk.booking.BookingFlows;
import com.drivenow.desk.booking.BookingTable;
import com.drivenow.desk.booking.BookingTime;
import com.drivenow.desk.ui.Notice;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;


/** Home: today's pick-ups and overdue returns at the branch, each one Enter away, and a booking search. */
public final class CounterView extends VBox implements DeskScreen {

    private final CounterModel model;
    private final TextField search = new TextField();
    private final BookingTable pickUps;

    public CounterView(DeskContext context, BookingFlows flows) {
        super(16);
        model = new CounterModel(context);
        setId("counter-view");
        getStyleClass().add("screen");
        Notice notice = new Notice();

        search.setId("booking-search");
        search.setPromptText("Find a booking: customer name, licence, e-mail or plate  (Ctrl+F)");
        search.getStyleClass().add("large");
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(e -> model.search(search.getText(), notice::error));
        search.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busy.showProgressProperty());
        Button book = new Button("New booking  Ctrl+N");
        book.setId("new-booking");
        book.getStyleClass().addAll("accent", "large");
        book.setOnAction(e -> flows.newBooking(false));
        Button walkIn = new Button("Walk-in  Ctrl+Shift+N");
        walkIn.setId("walk-in-booking");
        walkIn.setOnAction(e -> flows.newBooking(true));
        walkIn.getStyleClass().add("large");
        HBox top = new HBox(10, search, progress, book, walkIn);
        top.setAlignment(Pos.CENTER_LEFT);

        BookingTable results = table("search-results", "Pick-up", BookingTime.PICK_UP, context, flows, model.searchResults(), "No booking matches.");
        VBox resultsPanel = panel("Search results", results, model.searchResults());
        resultsPanel.visibleProperty().bind(search.textProperty().isNotEmpty());
        resultsPanel.managedProperty().bind(resultsPanel.visibleProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });

        pickUps = table("pickups-today", "Pick-up", BookingTime.PICK_UP, context, flows, model.pickUpsToday(), "No more pick-ups today.");
        BookingTable overdue = table("overdue-returns", "Was due", BookingTime.RETURN, context, flows, model.overdueReturns(), "Nothing overdue.");
        HBox lists = new HBox(16, panel("Pick-ups due today", pickUps, model.pickUpsToday()),
                panel("Overdue returns", overdue, model.overdueReturns()));
        lists.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        VBox.setVgrow(lists, Priority.ALWAYS);
        getChildren().addAll(top, notice, resultsPanel, lists);

        Timeline minutes = new Timeline(new KeyFrame(Duration.minutes(1), e -> model.refreshClock()));
        minutes.setCycleCount(Timeline.INDEFINITE);
        minutes.play();
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Lets the main window put the first focus on the list agents work through. */
    public void focusPickUps() {
        pickUps.requestFocus();
        pickUps.getSelectionModel().selectFirst();
    }

    private static BookingTable table(String id, String timeHeader, BookingTime time, DeskContext context,
                                      BookingFlows flows, ObservableList<Booking> items, String empty) {
        return new BookingTable(id, timeHeader, time, context.session(), context.clock(), items, empty, flows::open);
    }

    private static VBox panel(String title, BookingTable table, ObservableList<Booking> items) {
        Label heading = new Label();
        heading.textProperty().bind(Bindings.concat(title, "  (", Bindings.size(items), ")"));
        heading.getStyleClass().add("panel-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox panel = new VBox(8, heading, table);
        panel.getStyleClass().add("panel");
        return panel;
    }
}
