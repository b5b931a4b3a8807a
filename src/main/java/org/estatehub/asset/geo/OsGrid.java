package org.estatehub.asset.geo;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts between Ordnance Survey National Grid easting/northing (EPSG:27700, what Transparency Code
 * registers publish) and WGS84 latitude/longitude (what the register and maps use). The OSGB36 datum
 * shift is the published 7-parameter Helmert transformation, good to a few metres.
 * Instances are not thread-safe (proj4j transforms keep state): make one per import or export.
 */
public final class OsGrid {

    private static final String OSGB36 = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 "
            + "+y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
    private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    private final CoordinateTransform toWgs84;
    private final CoordinateTransform toGrid;

    public OsGrid() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem grid = crs.createFromParameters("EPSG:27700", OSGB36);
        CoordinateReferenceSystem wgs84 = crs.createFromParameters("EPSG:4326", WGS84);
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        toWgs84 = transforms.createTransform(grid, wgs84);
        toGrid = transforms.createTransform(wgs84, grid);
    }

    /** Returns {latitude, longitude}. */
    public double[] toLatLon(double easting, double northing) {
        ProjCoordinate out = new ProjCoordinate();
        toWgs84.transform(new ProjCoordinate(easting, northing), out);
        return new double[] {out.y, out.x};
    }

    /** Returns {easting, northing} in metres. */
    public double[] toEastingNorthing(double latitude, double longitude) {
        ProjCoordinate out = new ProjCoordinate();
        toGrid.transform(new ProjCoordinate(longitude, latitude), out);
        return new double[] {out.x, out.y};
    }
}
