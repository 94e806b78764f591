package com.drivenow.desk.data;

import com.drivenow.desk.api.User;
import com.drivenow.desk.format.MoneyFormat;
import com.drivenow.desk.format.TimeFormat;

import java.util.Locale;

/** Who is at the desk, for which branch, and how that branch shows times and money. */
public record Session(User user, Branch branch, TimeFormat times, MoneyFormat money) {

    public static Session of(User user, Branch branch, Locale locale) {
        return new Session(user, branch, new TimeFormat(branch.zone(), locale), new MoneyFormat(locale));
    }
}
