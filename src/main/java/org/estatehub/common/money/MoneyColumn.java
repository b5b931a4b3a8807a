package org.estatehub.common.money;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Maps a NUMERIC(…, 2) column to Money, so entities read in pounds and pence while the database keeps
 * exact numerics (its check constraints and the native SQL that sums or guards amounts stay as they are).
 */
@Converter
public class MoneyColumn implements AttributeConverter<Money, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Money money) {
        return money == null ? null : money.pounds();
    }

    @Override
    public Money convertToEntityAttribute(BigDecimal pounds) {
        return Money.ofNullable(pounds);
    }
}
