package org.estatehub.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.estatehub.common.money.Money;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.funding.Award;

/**
 * The one place money is released. The update only succeeds while the award still has the balance, so
 * concurrent approvals serialise on the award's row and the loser gets a clear 409; the table's check
 * constraint (released <= amount_awarded) stands behind it.
 */
@ApplicationScoped
public class ReleaseLedger {

    @Inject
    EntityManager em;

    /** Must run inside the caller's transaction. */
    public void release(Award award, Money amount) {
        int updated = em.createNativeQuery("""
                update award set released = released + :amount, version = version + 1
                 where id = :id and released + :amount <= amount_awarded""")
                .setParameter("amount", amount.pounds())
                .setParameter("id", award.id)
                .executeUpdate();
        if (updated == 0) {
            em.refresh(award);
            throw overRelease(award, amount);
        }
        em.refresh(award);
    }

    /** The one over-release problem, whether caught early (a claim larger than the balance) or here. */
    public static ProblemException overRelease(Award award, Money amount) {
        return new ProblemException(409, "over-release", "Would release more than awarded",
                "Releasing " + amount + " would exceed the award: " + award.amountAwarded + " awarded, "
                        + award.released + " already released, balance " + award.balance() + ".");
    }
}
