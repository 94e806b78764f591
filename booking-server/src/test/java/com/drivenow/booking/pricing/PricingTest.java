package com.drivenow.booking.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayIsWallClockToWallClockInTheBranchZoneAcrossBothDstChanges() {
        // Saturday 10:00 to Monday 10:00 in Berlin: 47 hours in March, 49 in October, 2 days both times.
        Instant marchFrom = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, BERLIN).toInstant();
        Instant marchTo = ZonedDateTime.of(2027, 3, 29, 10, 0, 0, 0, BERLIN).toInstant();
        assertThat(Duration.between(marchFrom, marchTo).toHours()).isEqualTo(47);
        assertThat(Pricing.startedDays(marchFrom, marchTo, BERLIN)).isEqualTo(2);
        Instant octoberFrom = ZonedDateTime.of(2027, 10, 30, 10, 0, 0, 0, BERLIN).toInstant();
        Instant octoberTo = ZonedDateTime.of(2027, 11, 1, 10, 0, 0, 0, BERLIN).toInstant();
        assertThat(Duration.between(octoberFrom, octoberTo).toHours()).isEqualTo(49);
        assertThat(Pricing.startedDays(octoberFrom, octoberTo, BERLIN)).isEqualTo(2);
        assertThat(Pricing.startedDays(octoberFrom, octoberTo, UTC)).as("counted in 24-hour periods").isEqualTo(3);
        assertThat(Pricing.startedDays(octoberFrom, octoberTo.plusSeconds(60), BERLIN)).isEqualTo(3);
        assertThat(Pricing.quote(RATE, octoberFrom, octoberTo, BERLIN).price().amount()).isEqualByComparingTo("90.00");
    }

    @Test
    void feesAreLinesOfThePriceAndStayOnTheFinalPrice() {
        Instant to = FROM.plus(Duration.ofDays(2));
        List<Fee> fees = List.of(new Fee("one-way BER-TXL to MUC-AP", new Money("EUR", new BigDecimal("49.00"))));
        Pricing.Quote quote = Pricing.quote(RATE, FROM, to, UTC, fees);
        assertThat(quote.price().amount()).isEqualByComparingTo("139.00");
        assertThat(quote.priceBreakdown().description()).isEqualTo("2 days x EUR 45.00 + one-way BER-TXL to MUC-AP EUR 49.00");
        Pricing.Quote late = Pricing.finalPrice(quote.priceBreakdown(), FROM, to, to.plusSeconds(60), UTC);
        assertThat(late.price().amount()).isEqualByComparingTo("184.00");
        assertThat(late.priceBreakdown().fees()).isEqualTo(fees);
    }

    private static final Money RATE = new Money("EUR", new BigDecimal("45.00"));
    private static final Instant FROM = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void exactlyThreeDaysCostThreeDays() {
        Pricing.Quote quote = Pricing.quote(RATE, FROM, FROM.plus(Duration.ofDays(3)), UTC);
        assertThat(quote.price()).isEqualTo(new Money("EUR", new BigDecimal("135.00")));
        assertThat(quote.priceBreakdown().days()).isEqualTo(3);
        assertThat(quote.priceBreakdown().lateDays()).isZero();
        assertThat(quote.priceBreakdown().description()).isEqualTo("3 days x EUR 45.00");
    }

    @Test
    void aStartedDayCountsWhole() {
        assertThat(Pricing.startedDays(FROM, FROM.plus(Duration.ofDays(3)).plusSeconds(60), UTC)).isEqualTo(4);
        assertThat(Pricing.startedDays(FROM, FROM.plus(Duration.ofDays(3)).plusNanos(1), UTC)).isEqualTo(4);
        assertThat(Pricing.startedDays(FROM, FROM.plusSeconds(1), UTC)).isEqualTo(1);
        assertThat(Pricing.quote(RATE, FROM, FROM.plus(Duration.ofDays(3)).plusSeconds(60), UTC).price().amount())
                .isEqualByComparingTo("180.00");
    }

    @Test
    void aReturnOnTimeAddsNothing() {
        Instant to = FROM.plus(Duration.ofDays(2));
        Pricing.Quote price = Pricing.finalPrice(Pricing.quote(RATE, FROM, to, UTC).priceBreakdown(), FROM, to, to, UTC);
        assertThat(price.price().amount()).isEqualByComparingTo("90.00");
        assertThat(price.priceBreakdown().lateDays()).isZero();
        assertThat(Pricing.finalPrice(Pricing.quote(RATE, FROM, to, UTC).priceBreakdown(), FROM, to, to.minusSeconds(3600), UTC).price().amount()).isEqualByComparingTo("90.00");
    }

    @Test
    void aLateReturnAddsTheStartedDaysPastTheEnd() {
        Instant to = FROM.plus(Duration.ofDays(2));
        Pricing.Quote oneMinuteLate = Pricing.finalPrice(Pricing.quote(RATE, FROM, to, UTC).priceBreakdown(), FROM, to, to.plusSeconds(60), UTC);
        assertThat(oneMinuteLate.priceBreakdown().lateDays()).isEqualTo(1);
        assertThat(oneMinuteLate.price().amount()).isEqualByComparingTo("135.00");
        assertThat(oneMinuteLate.priceBreakdown().description()).isEqualTo("2 days x EUR 45.00 + 1 late day x EUR 45.00");

        Pricing.Quote dayAndASecondLate = Pricing.finalPrice(Pricing.quote(RATE, FROM, to, UTC).priceBreakdown(), FROM, to, to.plus(Duration.ofDays(1)).plusSeconds(1), UTC);
        assertThat(dayAndASecondLate.priceBreakdown().lateDays()).isEqualTo(2);
        assertThat(dayAndASecondLate.price().amount()).isEqualByComparingTo("180.00");
    }

    @Test
    void centsStayExact() {
        Money rate = new Money("EUR", new BigDecimal("0.10"));
        assertThat(Pricing.charge(rate, 3, 0, java.util.List.of()).price().amount()).isEqualTo(new BigDecimal("0.30"));
        assertThat(new Money("EUR", new BigDecimal("19.99")).times(7).amount()).isEqualTo(new BigDecimal("139.93"));
    }
}
