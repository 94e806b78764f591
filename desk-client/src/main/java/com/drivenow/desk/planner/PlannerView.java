package com.drivenow.desk.planner;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.DeskScreen;
import com.drivenow.desk.booking.BookingFlows;
import javafx.beans.binding.Bindings;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import java.time.LocalDate;
import java.util.Map;

/**
 * Gantt of cars × days for two weeks: bookings, rentals and maintenance. Rows are virtualised
 * (ListView), so a thousand cars scroll like ten. A bar opens its booking; an empty day starts one.
 */
public final class PlannerView extends VBox implements DeskScreen {

    static final int DAYS = 14;
    private static final double MIN_DAY_WIDTH = 56;

    private final DeskContext context;
    private final PlannerModel model;
    private final ListView<com.drivenow.desk.api.Car> rows = new ListView<>();
    private final Canvas header = new Canvas(0, 28);
    private final TextField search = new TextField();
    private final PlannerPalette palette = new PlannerPalette();
    private PlannerLayout layout;

    public PlannerView(DeskContext context, BookingFlows flows) {
        super(10);
        this.context = context;
        LocalDate today = context.session().times().localDate(context.clock().instant());
        model = new PlannerModel(context.fleet(), context.bookings(), today, context.session().branch().code());
        setId("planner-view");
        getStyleClass().add("screen");
        layout = new PlannerLayout(today, DAYS, MIN_DAY_WIDTH, context.session().times().zone());

        search.setId("planner-search");
        search.setPromptText("Filter cars by plate or model  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.text);
        HBox.setHgrow(search, Priority.ALWAYS);
        Button earlier = new Button("◀ Week  Alt+←");
        earlier.setOnAction(e -> shift(-7));
        Button todayButton = new Button("Today");
        todayButton.setOnAction(e -> model.start.set(today));
        Button later = new Button("Week ▶  Alt+→");
        later.setOnAction(e -> shift(7));
        Label count = new Label();
        count.setId("planner-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.size(model.rows()).asString("%d cars at " + context.session().branch().code()));
        HBox toolbar = new HBox(8, search, earlier, todayButton, later, count);
        toolbar.getStyleClass().add("toolbar");

        Region corner = new Region();
        corner.setMinWidth(PlannerRow.LABEL_WIDTH + 1); // the list's border
        HBox headerRow = new HBox(corner, header);
        headerRow.getStyleClass().add("planner-header");

        rows.setId("planner-rows");
        rows.setItems(model.rows());
        rows.setFixedCellSize(PlannerRow.HEIGHT);
        rows.setCellFactory(list -> new PlannerRow(model, palette, () -> layout, context.clock()::instant, flows::open, flows::newBooking));
        rows.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && rows.getSelectionModel().getSelectedItem() != null) {
                flows.newBooking(rows.getSelectionModel().getSelectedItem(), model.start.get());
            }
        });
        VBox.setVgrow(rows, Priority.ALWAYS);

        rows.widthProperty().addListener((obs, old, width) -> relayout());
        model.start.addListener((obs, old, now) -> relayout());
        model.bookingsByCar().addListener((obs, old, now) -> rows.refresh());
        getChildren().addAll(toolbar, headerRow, rows, palette);
        palette.onChange(this::relayout);
        relayout();
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
    }

    @Override
    public Map<KeyCombination, Runnable> shortcuts() {
        return Map.of(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), () -> shift(-7),
                new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), () -> shift(7));
    }

    /** The ListView whose scrolling the performance test measures. */
    ListView<com.drivenow.desk.api.Car> rows() {
        return rows;
    }

    private void shift(int days) {
        model.start.set(model.start.get().plusDays(days));
    }

    /** Days share the width left of the car names (a scroll bar's worth kept free), never narrower than MIN_DAY_WIDTH. */
    private void relayout() {
        double available = rows.getWidth() - PlannerRow.LABEL_WIDTH - 24;
        double dayWidth = Math.max(MIN_DAY_WIDTH, Math.floor(available / DAYS));
        layout = new PlannerLayout(model.start.get(), DAYS, dayWidth, context.session().times().zone());
        drawHeader();
        rows.refresh();
    }

    private void drawHeader() {
        header.setWidth(layout.width());
        GraphicsContext g = header.getGraphicsContext2D();
        g.clearRect(0, 0, header.getWidth(), header.getHeight());
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        LocalDate today = context.session().times().localDate(context.clock().instant());
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = layout.start().plusDays(day);
            g.setFill(date.equals(today) ? palette.today() : palette.dayText());
            g.fillText(context.session().times().dayHeader(date), day * layout.dayWidth() + 6, header.getHeight() / 2);
        }
    }
}
