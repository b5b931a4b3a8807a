package org.estatehub.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.estatehub.api.model.Money;

/** Money crosses the API as a decimal string in pounds and pence, never as a float. */
public final class Moneys {

    private Moneys() {
    }

    public static Money gbp(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return new Money().amount(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString())
                .currency(Money.CurrencyEnum.GBP);
    }

    /** The contract's pattern has already limited the amount to whole pence. */
    public static BigDecimal amount(Money money) {
        return money == null ? null : new BigDecimal(money.getAmount()).setScale(2, RoundingMode.UNNECESSARY);
    }
}
