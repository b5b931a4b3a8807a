package org.estatehub.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's own provider: answers a bearer token that was verified before and has not
 * expired; otherwise answers nothing, and quarkus-oidc verifies the token as usual.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        SecurityIdentity known = token == null ? null : tokens.find(token);
        return Uni.createFrom().item(known == null ? null : forThisRequest(known, request));
    }

    /**
     * Adds this request's routing context, as quarkus-oidc does for an identity it verifies: the
     * remembered identity holds none (see {@link VerifiedTokens}).
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return known;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing);
        Object securityContext = routing.get(AuthenticationRequestContext.class.getName());
        if (securityContext != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), securityContext);
        }
        return identity.build();
    }

    /** Above quarkus-oidc's provider, which keeps the interface's default (1001). */
    @Override
    public int priority() {
        return 2001;
    }
}
