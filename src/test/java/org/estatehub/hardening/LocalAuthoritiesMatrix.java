package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.row;

import java.util.List;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;

/**
 * The tenancy matrix for the register of UK local authorities: public reference data that no partner owns,
 * read by every caller with a token (without one: 401, in LocalAuthoritiesTest).
 */
final class LocalAuthoritiesMatrix {

    private LocalAuthoritiesMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listLocalAuthorities", Scope.NONE, all(200)),
        row("getLocalAuthority",    Scope.NONE, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listLocalAuthorities" -> expect(c, c.caller().api().get("/local-authorities?county=E10000016"));
            case "getLocalAuthority" -> expect(c, c.caller().api().get("/local-authorities/E07000110"));
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }
}
