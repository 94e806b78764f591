package com.drivenow.booking.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTest {

    private static final Money RATE = new Money("EUR", new BigDecimal("45.00"));
    private static final Instant FROM = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void exactlyThreeDaysCostThreeDays() {
        Pricing.Quote quote = Pricing.quote(RATE, FROM, FROM.plus(Duration.ofDays(3)));
        assertThat(quote.price()).isEqualTo(new Money("EUR", new BigDecimal("135.00")));
        assertThat(quote.priceBreakdown().days()).isEqualTo(3);
        assertThat(quote.priceBreakdown().lateDays()).isZero();
        assertThat(quote.priceBreakdown().description()).isEqualTo("3 days x EUR 45.00");
    }

    @Test
    void aStartedDayCountsWhole() {
        assertThat(Pricing.startedDays(FROM, FROM.plus(Duration.ofDays(3)).plusSeconds(60))).isEqualTo(4);
        assertThat(Pricing.startedDays(FROM, FROM.plus(Duration.ofDays(3)).plusNanos(1))).isEqualTo(4);
        assertThat(Pricing.startedDays(FROM, FROM.plusSeconds(1))).isEqualTo(1);
        assertThat(Pricing.quote(RATE, FROM, FROM.plus(Duration.ofDays(3)).plusSeconds(60)).price().amount())
                .isEqualByComparingTo("180.00");
    }

    @Test
    void aReturnOnTimeAddsNothing() {
        Instant to = FROM.plus(Duration.ofDays(2));
        Pricing.Quote price = Pricing.finalPrice(RATE, FROM, to, to);
        assertThat(price.price().amount()).isEqualByComparingTo("90.00");
        assertThat(price.priceBreakdown().lateDays()).isZero();
        assertThat(Pricing.finalPrice(RATE, FROM, to, to.minusSeconds(3600)).price().amount()).isEqualByComparingTo("90.00");
    }

    @Test
    void aLateReturnAddsTheStartedDaysPastTheEnd() {
        Instant to = FROM.plus(Duration.ofDays(2));
        Pricing.Quote oneMinuteLate = Pricing.finalPrice(RATE, FROM, to, to.plusSeconds(60));
        assertThat(oneMinuteLate.priceBreakdown().lateDays()).isEqualTo(1);
        assertThat(oneMinuteLate.price().amount()).isEqualByComparingTo("135.00");
        assertThat(oneMinuteLate.priceBreakdown().description()).isEqualTo("2 days x EUR 45.00 + 1 late day x EUR 45.00");

        Pricing.Quote dayAndASecondLate = Pricing.finalPrice(RATE, FROM, to, to.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(dayAndASecondLate.priceBreakdown().lateDays()).isEqualTo(2);
        assertThat(dayAndASecondLate.price().amount()).isEqualByComparingTo("180.00");
    }

    @Test
    void centsStayExact() {
        Money rate = new Money("EUR", new BigDecimal("0.10"));
        assertThat(Pricing.charge(rate, 3, 0).price().amount()).isEqualTo(new BigDecimal("0.30"));
        assertThat(new Money("EUR", new BigDecimal("19.99")).times(7).amount()).isEqualTo(new BigDecimal("139.93"));
    }
}
