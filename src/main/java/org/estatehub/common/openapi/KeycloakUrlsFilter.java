package org.estatehub.common.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The contract names the local Keycloak (localhost:8180) in the `keycloak` OAuth2 scheme. Swagger UI's
 * browser must be sent to the Keycloak this deployment really uses, so at startup the scheme's
 * authorizationUrl and tokenUrl are pointed at {@code estatehub.oidc.browser-url} (the issuer browsers
 * see; by default the realm the API itself uses). Nothing else in the served contract changes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class KeycloakUrlsFilter implements OASFilter {

    static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String realm = ConfigProvider.getConfig().getValue("estatehub.oidc.browser-url", String.class);
        if (realm.endsWith("/")) {
            realm = realm.substring(0, realm.length() - 1);
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme == null || scheme.getFlows() == null || scheme.getFlows().getAuthorizationCode() == null) {
            return;
        }
        OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
        flow.setAuthorizationUrl(realm + "/protocol/openid-connect/auth");
        flow.setTokenUrl(realm + "/protocol/openid-connect/token");
    }
}
