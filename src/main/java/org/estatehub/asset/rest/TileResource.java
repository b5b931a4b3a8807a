package org.estatehub.asset.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.MapsApi;
import org.estatehub.asset.service.AssetTiles;
import org.estatehub.common.http.ETags;
import org.estatehub.common.http.StandardHeaders;

import io.quarkus.security.Authenticated;

/** Vector tiles of the register for maps (the contract's Maps tag). */
@Authenticated
public class TileResource implements MapsApi {

    static final MediaType MVT = MediaType.valueOf("application/vnd.mapbox-vector-tile");

    /**
     * One caller's view (their partner's OWNER_ONLY assets are in it), so only their own browser may keep
     * it; a minute, then it revalidates with If-None-Match, which costs the query but not the transfer.
     */
    static final String CACHE_CONTROL = "private, max-age=60";

    @Inject
    AssetTiles tiles;

    @Override
    public Response getAssetTile(Integer z, Integer x, Integer y, Boolean includeDisposed, String ifNoneMatch) {
        AssetTiles.Tile tile = tiles.tile(z, x, y, Boolean.TRUE.equals(includeDisposed));
        String etag = ETags.ofBytes(tile.bytes());
        Response.ResponseBuilder answer;
        if (ETags.notModified(ifNoneMatch, etag)) {
            answer = Response.notModified();
        } else if (tile.empty()) {
            answer = Response.noContent();
        } else {
            answer = Response.ok(tile.bytes(), MVT);
        }
        return answer.header("ETag", etag).header(StandardHeaders.CACHE_CONTROL_HEADER, CACHE_CONTROL).build();
    }
}
