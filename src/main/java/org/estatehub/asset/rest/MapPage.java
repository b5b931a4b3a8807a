package org.estatehub.asset.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The register's map page, static files in META-INF/resources/map (MapLibre GL JS bundled in map/vendor):
 * /map itself is sent on to /map/, whose relative links (the script, the style, the login's redirect URI)
 * only resolve under the directory. Relative Location, so it holds behind a proxy's path prefix too.
 */
@ApplicationScoped
public class MapPage {

    void register(@Observes Router router) {
        // Vert.x matches "/map" for "/map/" too: only the path without the slash is sent on.
        router.get("/map").handler(rc -> {
            if (rc.request().path().equals("/map")) {
                rc.response().setStatusCode(302).putHeader("Location", "map/").end();
            } else {
                rc.next();
            }
        });
    }
}
