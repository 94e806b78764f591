package com.drivenow.desk.booking;

import com.drivenow.desk.api.Fee;
import com.drivenow.desk.api.PriceBreakdown;
import com.drivenow.desk.format.MoneyFormat;
import com.drivenow.desk.ui.Forms;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.List;

/** The lines of a price as the booking server reached it: the days at the daily rate, then each fee (one-way, key box). */
final class PriceLines {

    private PriceLines() {
    }

    /** "Rental · 3 days × €49.00   €147.00"; nothing when the booking carries no breakdown. */
    static void days(GridPane grid, PriceBreakdown breakdown, MoneyFormat money) {
        if (breakdown == null || breakdown.dailyRate() == null) {
            return;
        }
        String days = breakdown.days() + (breakdown.days() == 1 ? " day" : " days") + " × " + money.format(breakdown.dailyRate());
        Forms.row(grid, "Rental", amount(days + "   " + money.format(breakdown.dailyRate().times(breakdown.days())), "price-days"));
    }

    /** One row a fee, labelled with its name, ids fee-0, fee-1…; nothing when there are none. */
    static void fees(GridPane grid, PriceBreakdown breakdown, MoneyFormat money) {
        List<Fee> fees = breakdown == null ? List.of() : breakdown.feesOrNone();
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            Label value = amount(money.format(fee.amount()), "fee-" + i);
            value.getStyleClass().add("fee-line");
            Forms.row(grid, capitalised(fee.name()), value);
        }
    }

    static boolean hasFees(PriceBreakdown breakdown) {
        return breakdown != null && !breakdown.feesOrNone().isEmpty();
    }

    static Label amount(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("summary-value");
        return label;
    }

    private static String capitalised(String name) {
        return name == null || name.isEmpty() ? "Fee" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
