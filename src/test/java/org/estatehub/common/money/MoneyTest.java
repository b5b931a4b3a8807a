package org.estatehub.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MoneyTest {

    @Test
    void alwaysToThePenny() {
        assertEquals("12.00", Money.of("12").toString());
        assertEquals("12.50", Money.of(new BigDecimal("12.5")).toString());
        assertEquals(2, Money.of("0").pounds().scale());
        // A fraction of a penny is a bug upstream, never rounded away.
        assertThrows(ArithmeticException.class, () -> Money.of("0.001"));
        assertThrows(NullPointerException.class, () -> Money.of((BigDecimal) null));
        assertNull(Money.ofNullable(null));
    }

    @Test
    void equalByValueWhateverTheInputScale() {
        assertEquals(Money.of("10"), Money.of("10.00"));
        assertEquals(Money.of("10").hashCode(), Money.of("10.0").hashCode());
        assertNotEquals(Money.of("10.00"), Money.of("10.01"));
        assertEquals(Money.ZERO, Money.of("0.00"));
    }

    @Test
    void arithmeticIsExact() {
        // 0.1 + 0.2 is exactly 0.30, as it never is in floating point.
        assertEquals(Money.of("0.30"), Money.of("0.10").plus(Money.of("0.20")));
        Money sum = Money.ZERO;
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(Money.of("0.01"));
        }
        assertEquals(Money.of("10.00"), sum);
        assertEquals(Money.of("999999999999.99"), Money.of("999999999999.98").plus(Money.of("0.01")));
        assertEquals(Money.of("-0.01"), Money.of("400.00").minus(Money.of("400.01")));
    }

    @Test
    void comparisons() {
        assertTrue(Money.of("400.01").isGreaterThan(Money.of("400.00")));
        assertFalse(Money.of("400.00").isGreaterThan(Money.of("400.00")));
        assertFalse(Money.of("399.99").isGreaterThan(Money.of("400")));
        assertTrue(Money.of("0.01").isPositive());
        assertFalse(Money.ZERO.isPositive());
        assertFalse(Money.of("-0.01").isPositive());
        assertTrue(Money.of("1").compareTo(Money.of("2")) < 0);
    }

    @Test
    void toAndFromTheContract() {
        var api = Money.of("184320.5").toApi();
        assertEquals("184320.50", api.getAmount());
        assertEquals(org.estatehub.api.model.Money.CurrencyEnum.GBP, api.getCurrency());
        assertEquals(Money.of("184320.50"), Money.fromApi(api));
        assertEquals(Money.of("7.00"),
                Money.fromApi(new org.estatehub.api.model.Money().amount("7").currency(org.estatehub.api.model.Money.CurrencyEnum.GBP)));
        assertNull(Money.fromApi(null));
        assertNull(Money.toApi(null));
    }

    @Test
    void theColumnConverterRoundTrips() {
        MoneyColumn column = new MoneyColumn();
        assertEquals(new BigDecimal("12.30"), column.convertToDatabaseColumn(Money.of("12.3")));
        assertEquals(Money.of("12.30"), column.convertToEntityAttribute(new BigDecimal("12.3")));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }

    @Test
    void theBigDecimalHelperAgrees() {
        assertEquals("5.10", Moneys.gbp(new BigDecimal("5.1")).getAmount());
        assertEquals(new BigDecimal("5.10"), Moneys.amount(Money.of("5.1").toApi()));
        assertNull(Moneys.gbp(null));
        assertNull(Moneys.amount(null));
    }
}
