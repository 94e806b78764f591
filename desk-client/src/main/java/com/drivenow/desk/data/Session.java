package com.drivenow.desk.data;

import com.drivenow.desk.api.User;
import com.drivenow.desk.format.DistanceFormat;
import com.drivenow.desk.format.MoneyFormat;
import com.drivenow.desk.format.TimeFormat;

import java.util.Locale;

/** Who is at the desk, for which branch, and how that branch shows times, money and mileage. */
public record Session(User user, Branch branch, TimeFormat times, MoneyFormat money, DistanceFormat distances) {

    public static Session of(User user, Branch branch, Locale locale) {
        return new Session(user, branch, new TimeFormat(branch.zone(), locale), new MoneyFormat(locale),
                new DistanceFormat(locale));
    }
}
