package org.estatehub.common.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.tenancy.Caller;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every operation of the contract refuses, before it reads anything, a signed-in caller whose token names
 * no single partner: one in several partners' organizations, or one in none who does not act across
 * partners by a realm role ({@link Caller#partnerIdIfAny()}); and then one with no EstateHub role at all,
 * such as a user whose first login through their council's identity provider has just made them a member
 * ({@link Caller#requireMembership()}). Checked once here rather than only where a
 * service asks for the partner, so that no read path (a list that filters by partner, a public register
 * page) answers such a caller: they get the 403 that says why instead of a partial view. Anonymous
 * requests are left to the operations' own security (401).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PartnerMembership implements ContainerRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous()
                || ContractOperations.get().find(request.getMethod(), request.getUriInfo().getPath()).isEmpty()) {
            return;
        }
        try {
            caller.requireMembership();
        } catch (ProblemException refused) {
            request.abortWith(Problems.response(refused.status(), refused.type(), refused.title(),
                    refused.getMessage(), request.getUriInfo().getRequestUri().getRawPath()));
        }
    }
}
