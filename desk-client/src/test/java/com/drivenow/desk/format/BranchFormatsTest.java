package com.drivenow.desk.format;

import com.drivenow.desk.DemoBranches;
import com.drivenow.desk.api.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Money in the desk's locale and times in the branch's zone, whatever the machine is set to. */
class BranchFormatsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void moneyUsesTheLocaleButKeepsTheAmountsCurrency() {
        Money price = new Money("EUR", new BigDecimal("1234.5"));

        assertThat(new MoneyFormat(Locale.GERMANY).format(price)).isEqualTo("1.234,50\u00a0€");
        assertThat(new MoneyFormat(Locale.US).format(price)).isEqualTo("€1,234.50");
        assertThat(new MoneyFormat(Locale.US).format(new Money("CHF", new BigDecimal("89")))).isEqualTo("CHF\u00a089.00");
    }

    @Test
    void currencyWithoutCentsShowsNone() {
        assertThat(new MoneyFormat(Locale.US).format(new Money("JPY", new BigDecimal("5400")))).isEqualTo("¥5,400");
    }

    @Test
    void missingMoneyShowsNothing() {
        assertThat(new MoneyFormat(Locale.US).format(null)).isEmpty();
    }

    @Test
    void timesAreShownInTheBranchZone() {
        Instant tenPastTenUtc = Instant.parse("2026-12-01T10:10:00Z");

        assertThat(new TimeFormat(BERLIN, Locale.UK).dateTime(tenPastTenUtc)).isEqualTo("1 Dec 2026, 11:10");
        assertThat(new TimeFormat(LISBON, Locale.UK).dateTime(tenPastTenUtc)).isEqualTo("1 Dec 2026, 10:10");
    }

    @Test
    void lateEveningUtcIsAlreadyTomorrowInBerlin() {
        TimeFormat berlin = new TimeFormat(BERLIN, Locale.UK);
        Instant lateUtc = Instant.parse("2026-11-25T23:30:00Z");

        assertThat(berlin.localDate(lateUtc)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(berlin.startOfDay(LocalDate.of(2026, 11, 26))).isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
    }

    @Test
    void compactShowsOnlyTheTimeForTodayAtTheBranch() {
        TimeFormat berlin = new TimeFormat(BERLIN, Locale.UK);
        Instant now = Instant.parse("2026-11-25T22:30:00Z");                  // 23:30 in Berlin

        assertThat(berlin.compact(Instant.parse("2026-11-25T15:00:00Z"), now)).isEqualTo("16:00");
        assertThat(berlin.compact(Instant.parse("2026-11-25T23:15:00Z"), now)).isEqualTo("26 Nov 2026, 00:15");
    }

    @Test
    void summerTimeIsFollowed() {
        TimeFormat berlin = new TimeFormat(BERLIN, Locale.UK);

        assertThat(berlin.dateTime(Instant.parse("2026-07-01T08:00:00Z"))).isEqualTo("1 Jul 2026, 10:00");
        assertThat(berlin.dateTime(Instant.parse("2026-01-01T08:00:00Z"))).isEqualTo("1 Jan 2026, 09:00");
    }

    @Test
    void zonedTimesNameTheZoneOnEachSideOfTheChangeToSummerTime() {
        TimeFormat berlin = new TimeFormat(BERLIN, Locale.UK);
        TimeFormat lisbon = berlin.in(LISBON);

        assertThat(berlin.zoned(Instant.parse("2027-03-27T09:00:00Z"))).isEqualTo("27 Mar 2027, 10:00 CET");
        assertThat(berlin.zoned(Instant.parse("2027-03-29T08:00:00Z"))).isEqualTo("29 Mar 2027, 10:00 CEST");
        assertThat(lisbon.zoned(Instant.parse("2027-03-27T09:00:00Z"))).isEqualTo("27 Mar 2027, 09:00 WET");
        assertThat(lisbon.zoned(Instant.parse("2027-03-29T08:00:00Z"))).isEqualTo("29 Mar 2027, 09:00 WEST");
        assertThat(berlin.in(BERLIN)).isSameAs(berlin);
    }

    @Test
    void openingHoursRunEqualDaysTogether() {
        OpeningHoursText hours = new OpeningHoursText(Locale.UK);

        assertThat(hours.describe(DemoBranches.branch("MUC-AP", "Munich Airport", "Europe/Berlin", "06:00", "23:00", "08:00", "00:00", true), "CET"))
                .isEqualTo("Mon–Fri 06:00–23:00, Sat–Sun 08:00–24:00 (CET) · key box for returns after hours (€25.00)");
        assertThat(hours.describe(DemoBranches.alwaysOpen("BER-TXL", "Berlin Tegel Airport", "Europe/Berlin"), "CEST"))
                .isEqualTo("Mon–Sun open 24 h (CEST) · key box for returns after hours (€25.00)");
    }

    @Test
    void kilometresAreGroupedByLocale() {
        assertThat(new DistanceFormat(Locale.US).km(24500)).isEqualTo("24,500 km");
        assertThat(new DistanceFormat(Locale.GERMANY).km(24500)).isEqualTo("24.500 km");
        assertThat(new DistanceFormat(Locale.US).km(null)).isEmpty();
    }
}
