package org.estatehub.asset.rest;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import org.estatehub.asset.mapping.AssetMapper;
import org.estatehub.asset.service.AssetQuery;
import org.estatehub.asset.service.AssetSearch;

import com.fasterxml.jackson.core.JsonGenerator;
import org.estatehub.authority.service.LocalAuthorities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A search page as a GeoJSON FeatureCollection, written feature by feature while the rows arrive: a
 * 5,000-asset map of an authority never exists in memory as a whole (rows, entities, models and 2 MB of JSON at
 * once made 64 concurrent maps exhaust a 256 MB heap, see README "Benchmark").
 * <p>
 * The price: a client that reads slowly holds a worker thread and a database connection until it has the
 * whole map. Rendering the JSON first and sending it afterwards was measured too: 35 instead of 47 maps a
 * second and 420 instead of 330 MB RSS at 64 connections, the finished answers piling up in network
 * buffers. A buffering reverse proxy in front absorbs slow clients either way.
 */
@ApplicationScoped
public class AssetFeatureStream {

    @Inject
    AssetSearch search;

    @Inject
    ObjectMapper mapper;

    @Inject
    LocalAuthorities authorities;

    /**
     * Counts now, while the caller's request is in scope and a failing database still answers a 503
     * problem; the features follow when the answer is written.
     */
    public StreamingOutput stream(AssetQuery query) {
        AssetSearch.Streamed page = search.streamed(query);
        return out -> write(out, page, query);
    }

    private void write(OutputStream out, AssetSearch.Streamed page, AssetQuery query) throws IOException {
        // One writer per feature without a flush each time: the response stream sends full buffers.
        ObjectWriter features = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeNumberField("total", page.total());
            json.writeBooleanField("totalExact", page.totalExact());
            json.writeNumberField("limit", query.limit());
            json.writeNumberField("offset", query.offset());
            json.writeArrayFieldStart("features");
            page.forEachHit(hit -> features.writeValue(json, AssetMapper.toFeature(hit.asset(), hit.distanceM(), authorities)));
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
