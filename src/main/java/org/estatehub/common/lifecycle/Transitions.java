package org.estatehub.common.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;

/**
 * A record's allowed status changes, as a table: from each status, the statuses it may become. Every
 * status must have a row (possibly empty), so adding a status without deciding its transitions fails at
 * start-up rather than silently allowing or refusing. A refused change is always the same 409 problem.
 *
 * @param <S> the record's domain status
 */
public final class Transitions<S extends Enum<S>> {

    private final String record;
    private final Class<S> type;
    private final Map<S, Set<S>> next;

    private Transitions(String record, Class<S> type, Map<S, Set<S>> next) {
        this.record = record;
        this.type = type;
        this.next = next;
    }

    /** `record` names the record in problem details, e.g. "bid" or "MOU". */
    public static <S extends Enum<S>> Builder<S> of(String record, Class<S> type) {
        return new Builder<>(record, type);
    }

    public boolean allows(S from, S to) {
        return next.get(from).contains(to);
    }

    public Set<S> next(S from) {
        Set<S> to = next.get(from);
        return to.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(to);
    }

    /** Throws the refused-transition problem unless the table has from → to. */
    public void require(S from, S to) {
        if (!allows(from, to)) {
            throw refused(from, to);
        }
    }

    /** The one shape of a refused status change: 409 conflict naming both statuses and what is allowed. */
    public ProblemException refused(S from, S to) {
        Set<S> allowed = next(from);
        return ProblemException.conflict(article(record) + " " + record + " that is " + from + " cannot become " + to
                + "; allowed from " + from + ": " + (allowed.isEmpty() ? "none" : allowed) + ".");
    }

    private static String article(String word) {
        // "an MOU", "a bid": the article follows the spoken initial (M is "em").
        return "aeiouAEIOUM".indexOf(word.charAt(0)) >= 0 ? "An" : "A";
    }

    public static final class Builder<S extends Enum<S>> {
        private final String record;
        private final Class<S> type;
        private final Map<S, Set<S>> next;

        private Builder(String record, Class<S> type) {
            this.record = record;
            this.type = type;
            this.next = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            if (next.containsKey(from)) {
                throw new IllegalStateException(from + " has two rows in the " + record + " transitions");
            }
            Set<S> targets = EnumSet.noneOf(type);
            targets.addAll(java.util.Arrays.asList(to));
            next.put(from, targets);
            return this;
        }

        public Transitions<S> build() {
            for (S status : type.getEnumConstants()) {
                if (!next.containsKey(status)) {
                    throw new IllegalStateException(status + " has no row in the " + record + " transitions");
                }
            }
            return new Transitions<>(record, type, new EnumMap<>(next));
        }
    }
}
