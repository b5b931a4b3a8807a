package org.estatehub.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount in pounds sterling, always held to the penny (scale 2). The partnership's money is
 * GBP only, so there is no currency field to get wrong; amounts may be negative only as the result of
 * arithmetic (a balance check), never from the contract, whose pattern has no sign.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal pounds;

    private Money(BigDecimal pounds) {
        // UNNECESSARY: an amount with fractions of a penny is a bug upstream, never something to round away.
        this.pounds = pounds.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Fails (ArithmeticException) on fractions of a penny. */
    public static Money of(BigDecimal pounds) {
        return new Money(Objects.requireNonNull(pounds, "pounds"));
    }

    public static Money of(String pounds) {
        return of(new BigDecimal(pounds));
    }

    /** Null for null, so optional amounts stay optional. */
    public static Money ofNullable(BigDecimal pounds) {
        return pounds == null ? null : of(pounds);
    }

    /** The contract's pattern has already limited the amount to whole pence and the currency to GBP. */
    public static Money fromApi(org.estatehub.api.model.Money money) {
        if (money == null) {
            return null;
        }
        if (money.getCurrency() != null && money.getCurrency() != org.estatehub.api.model.Money.CurrencyEnum.GBP) {
            throw new IllegalArgumentException("Only GBP is accepted, not " + money.getCurrency());
        }
        return of(money.getAmount());
    }

    /** Null for null: an amount the contract leaves out (e.g. not yet awarded). */
    public static org.estatehub.api.model.Money toApi(Money money) {
        return money == null ? null : money.toApi();
    }

    public org.estatehub.api.model.Money toApi() {
        return new org.estatehub.api.model.Money().amount(pounds.toPlainString())
                .currency(org.estatehub.api.model.Money.CurrencyEnum.GBP);
    }

    public BigDecimal pounds() {
        return pounds;
    }

    public Money plus(Money other) {
        return new Money(pounds.add(other.pounds));
    }

    public Money minus(Money other) {
        return new Money(pounds.subtract(other.pounds));
    }

    public boolean isGreaterThan(Money other) {
        return pounds.compareTo(other.pounds) > 0;
    }

    public boolean isPositive() {
        return pounds.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return pounds.compareTo(other.pounds);
    }

    /** Equal by value: the scale is always 2, so BigDecimal's scale-sensitive equals is safe here. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && pounds.equals(other.pounds);
    }

    @Override
    public int hashCode() {
        return pounds.hashCode();
    }

    /** Pounds and pence as a plain decimal, e.g. 1250.00, as in problem details. */
    @Override
    public String toString() {
        return pounds.toPlainString();
    }
}
