package org.estatehub.common.money;

import java.math.BigDecimal;

/**
 * Money crosses the API as a decimal string in pounds and pence, never as a float. For amounts still
 * held as BigDecimal (assets, project outcomes); funding and monitoring use {@link Money} directly.
 */
public final class Moneys {

    private Moneys() {
    }

    public static org.estatehub.api.model.Money gbp(BigDecimal amount) {
        return Money.toApi(Money.ofNullable(amount));
    }

    /** The contract's pattern has already limited the amount to whole pence. */
    public static BigDecimal amount(org.estatehub.api.model.Money money) {
        Money parsed = Money.fromApi(money);
        return parsed == null ? null : parsed.pounds();
    }
}
