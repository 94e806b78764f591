package com.drivenow.desk.booking;

import com.drivenow.desk.api.Fee;
import com.drivenow.desk.api.PriceBreakdown;
import com.drivenow.desk.format.MoneyFormat;
import com.drivenow.desk.ui.Forms;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;

import java.util.List;

/** The lines of a price as the booking server reached it: the days at the daily rate, then each fee (one-way, key box). */
final class PriceLines {

    private PriceLines() {
    }

    /** "Rental   €147.00  3 days × €49.00"; nothing when the booking carries no breakdown. */
    static void days(GridPane grid, PriceBreakdown breakdown, MoneyFormat money) {
        if (breakdown == null || breakdown.dailyRate() == null) {
            return;
        }
        String days = breakdown.days() + (breakdown.days() == 1 ? " day" : " days") + " × " + money.format(breakdown.dailyRate());
        Forms.row(grid, "Rental", line(amount(money.format(breakdown.dailyRate().times(breakdown.days())), "price-days"), days));
    }

    /** One "Fee" row a fee: its amount (ids fee-0, fee-1…) and its name; nothing when there are none. */
    static void fees(GridPane grid, PriceBreakdown breakdown, MoneyFormat money) {
        List<Fee> fees = breakdown == null ? List.of() : breakdown.feesOrNone();
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            Label value = amount(money.format(fee.amount()), "fee-" + i);
            value.getStyleClass().add("fee-line");
            Forms.row(grid, "Fee", line(value, capitalised(fee.name())));
        }
    }

    private static HBox line(Label amount, String what) {
        Label explained = new Label(what);
        explained.getStyleClass().add("text-muted");
        explained.setWrapText(true);
        HBox line = new HBox(10, amount, explained);
        line.setAlignment(Pos.BASELINE_LEFT);
        return line;
    }

    static boolean hasFees(PriceBreakdown breakdown) {
        return breakdown != null && !breakdown.feesOrNone().isEmpty();
    }

    private static Label amount(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("summary-value");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String capitalised(String name) {
        return name == null || name.isEmpty() ? "Fee" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
