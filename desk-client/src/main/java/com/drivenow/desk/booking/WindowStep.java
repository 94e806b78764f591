package com.drivenow.desk.booking;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.api.Branch;
import com.drivenow.desk.api.FieldError;
import com.drivenow.desk.fleet.Categories;
import com.drivenow.desk.format.OpeningHoursText;
import com.drivenow.desk.ui.BranchPicker;
import com.drivenow.desk.ui.Forms;
import com.drivenow.desk.ui.Notice;
import com.drivenow.desk.ui.Words;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wizard's first step: when (each time on its branch's clock, with the zone's short name), what
 * category, and from which branch to which (another return branch is a one-way rental), with both
 * branches' opening hours. A refusal of the booking server about a field is shown under that field.
 */
final class WindowStep {

    /** What the agent can do about a refused field; the server's message says what was wrong. */
    private static final Map<String, String> ADVICE = Map.of(
            "from", "Choose a pick-up time within these hours, or another day.",
            "to", "Choose a return time within the return branch's hours, or a return branch with a key box.",
            "pickUpBranch", "Pick the car up at the branch it stands at.",
            "returnBranch", "Choose another return branch.");

    private final DeskContext context;
    private final BookingWizardModel model;
    private final OpeningHoursText hoursText;
    private final DatePicker fromDate = new DatePicker();
    private final TextField fromTime = Forms.field("from-time", "10:00");
    private final DatePicker toDate = new DatePicker();
    private final TextField toTime = Forms.field("to-time", "10:00");
    private final ComboBox<String> category = new ComboBox<>();
    private final CheckBox walkIn = new CheckBox("_Walk-in: starts now, hand the car over at once");
    private final BranchPicker pickUp;
    private final BranchPicker returnTo;
    private final Label fromZone = zoneLabel("from-zone");
    private final Label toZone = zoneLabel("to-zone");
    private final Label pickUpHours = hint("pickup-hours");
    private final Label returnHours = hint("return-hours");
    private final Label oneWayNote = hint("one-way-note");
    private final Map<String, Notice> problems = Map.of("from", problem("from-problem"), "to", problem("to-problem"),
            "pickUpBranch", problem("pickup-branch-problem"), "returnBranch", problem("return-branch-problem"));

    WindowStep(DeskContext context, BookingWizardModel model) {
        this.context = context;
        this.model = model;
        this.hoursText = new OpeningHoursText(Locale.getDefault());
        pickUp = new BranchPicker("pickup-branch", context.session().branches().all());
        returnTo = new BranchPicker("return-branch", context.session().branches().all());
        bind();
        refresh();
    }

    Node content() {
        GridPane grid = Forms.grid();
        Forms.row(grid, "_From", new VBox(4, timeRow(fromDate, fromTime, fromZone), problems.get("from")));
        Forms.row(grid, "_Until", new VBox(4, timeRow(toDate, toTime, toZone), problems.get("to")));
        Forms.row(grid, "_Category", category);
        Forms.row(grid, "_Pick-up at", new VBox(4, pickUp, pickUpHours, problems.get("pickUpBranch")));
        Forms.row(grid, "_Return to", new VBox(4, returnTo, returnHours, oneWayNote, problems.get("returnBranch")));
        return new VBox(12, walkIn, grid);
    }

    private static HBox timeRow(DatePicker date, TextField time, Label zone) {
        HBox row = new HBox(8, date, time, zone);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    Node firstField() {
        return model.walkIn.get() ? toDate : fromDate;
    }

    void clearProblems() {
        problems.values().forEach(Notice::clear);
    }

    /** Shows each refused window or branch field under it, with what to do; false when none of them was refused. */
    boolean showProblems(List<FieldError> errors) {
        clearProblems();
        boolean shown = false;
        for (FieldError error : errors) {
            Notice notice = problems.get(error.field());
            if (notice != null) {
                notice.error(capitalised(error.message()) + ". " + ADVICE.get(error.field()));
                shown = true;
            }
        }
        return shown;
    }

    private void bind() {
        fromDate.setId("from-date");
        toDate.setId("to-date");
        fromDate.valueProperty().bindBidirectional(model.fromDate);
        toDate.valueProperty().bindBidirectional(model.toDate);
        fromTime.textProperty().bindBidirectional(model.fromTime);
        toTime.textProperty().bindBidirectional(model.toTime);
        walkIn.setId("walk-in");
        walkIn.selectedProperty().bindBidirectional(model.walkIn);
        fromDate.disableProperty().bind(model.walkIn);
        fromTime.disableProperty().bind(model.walkIn);
        category.setId("category");
        category.getItems().add(null);
        category.getItems().addAll(Categories.ALL);
        category.setPromptText("Any category");
        category.setConverter(Words.converter("Any category"));
        category.valueProperty().bindBidirectional(model.category);
        category.setMaxWidth(Double.MAX_VALUE);
        pickUp.valueProperty().bindBidirectional(model.pickUpBranch);
        returnTo.valueProperty().bindBidirectional(model.returnBranch);
        for (Observable changes : List.<Observable>of(model.fromDate, model.fromTime, model.toDate, model.toTime,
                model.walkIn, model.pickUpBranch, model.returnBranch)) {
            changes.addListener(o -> {
                clearProblems();
                refresh();
            });
        }
    }

    /** Zone names follow the dates (CET in winter, CEST in summer), hours follow the branches. */
    private void refresh() {
        Instant now = context.clock().instant();
        Instant from = model.from().orElse(now);
        Instant to = model.to().orElse(from);
        fromZone.setText(zoneName(model.pickUpZone(), from));
        toZone.setText(zoneName(model.returnZone(), to));
        pickUpHours.setText(hours(model.pickUpBranch.get(), model.pickUpZone(), from));
        returnHours.setText(hours(model.returnBranch.get(), model.returnZone(), to));
        boolean oneWay = model.oneWay();
        oneWayNote.setVisible(oneWay);
        oneWayNote.setText(oneWay ? "One-way: the car stays at " + model.returnBranch.get().code()
                + "; the booking server adds a one-way fee to the price." : "");
    }

    private String zoneName(ZoneId zone, Instant at) {
        return context.session().times().in(zone).zoneName(at);
    }

    private String hours(Branch branch, ZoneId zone, Instant at) {
        return branch == null ? "Choose a branch from the list." : hoursText.describe(branch, zoneName(zone, at));
    }

    private static Label hint(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The zone's short name right of a time field, never wrapped ("CEST" stays one word). */
    private static Label zoneLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("text-muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }

    private static Notice problem(String id) {
        Notice notice = new Notice();
        notice.setId(id);
        return notice;
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "Refused" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
