package org.estatehub.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Mapbox Vector Tile (MVT 2.1, the protocol buffer of vector_tile.proto) so that tests look at what a
 * map would draw: layers, each feature's geometry type, its first point in tile units and its properties.
 * Written against the specification (github.com/mapbox/vector-tile-spec, 2.1) rather than taken from
 * PostGIS, so that it checks the service's tiles instead of agreeing with them.
 */
public final class Mvt {

    public static final int POINT = 1;
    public static final int LINESTRING = 2;
    public static final int POLYGON = 3;

    public record Feature(int type, Map<String, Object> properties, List<int[]> points) {
        public Object property(String key) {
            return properties.get(key);
        }

        /** The first vertex, in tile units (0..extent from the tile's top left; may lie in the buffer). */
        public int[] first() {
            return points.get(0);
        }
    }

    public record Layer(String name, int version, int extent, List<Feature> features) {
        public List<Object> values(String key) {
            return features.stream().map(f -> f.property(key)).toList();
        }
    }

    private Mvt() {
    }

    public static List<Layer> decode(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        Reader r = new Reader(ByteBuffer.wrap(tile));
        while (r.more()) {
            int key = (int) r.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                layers.add(layer(r.message()));
            } else {
                r.skip(key & 7);
            }
        }
        return layers;
    }

    /** The tile's only layer called `name`; a tile without one, or with two, fails. */
    public static Layer layer(byte[] tile, String name) {
        List<Layer> named = decode(tile).stream().filter(l -> l.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError(named.size() + " layers named " + name);
        }
        return named.get(0);
    }

    private static Layer layer(Reader r) {
        String name = null;
        int version = 1;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Reader> features = new ArrayList<>();
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 15 -> version = (int) r.varint();
                case 1 -> name = r.string();
                case 2 -> features.add(r.message());
                case 3 -> keys.add(r.string());
                case 4 -> values.add(value(r.message()));
                case 5 -> extent = (int) r.varint();
                default -> r.skip(key & 7);
            }
        }
        List<Feature> decoded = new ArrayList<>();
        for (Reader f : features) {
            decoded.add(feature(f, keys, values));
        }
        return new Layer(name, version, extent, decoded);
    }

    private static Object value(Reader r) {
        Object value = null;
        while (r.more()) {
            int key = (int) r.varint();
            value = switch (key >>> 3) {
                case 1 -> r.string();
                case 2 -> r.buffer.order(ByteOrder.LITTLE_ENDIAN).getFloat();
                case 3 -> r.buffer.order(ByteOrder.LITTLE_ENDIAN).getDouble();
                case 4, 5 -> r.varint();
                case 6 -> zigzag(r.varint());
                case 7 -> r.varint() != 0;
                default -> throw new AssertionError("unknown value field " + (key >>> 3));
            };
        }
        return value;
    }

    private static Feature feature(Reader r, List<String> keys, List<Object> values) {
        int type = 0;
        List<Long> tags = new ArrayList<>();
        List<Long> geometry = new ArrayList<>();
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 2 -> tags.addAll(r.packed());
                case 3 -> type = (int) r.varint();
                case 4 -> geometry.addAll(r.packed());
                default -> r.skip(key & 7);
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            properties.put(keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
        }
        return new Feature(type, properties, points(geometry));
    }

    /** The vertices of MoveTo and LineTo commands, cursor-relative zigzag deltas resolved. */
    private static List<int[]> points(List<Long> geometry) {
        List<int[]> points = new ArrayList<>();
        int x = 0;
        int y = 0;
        int i = 0;
        while (i < geometry.size()) {
            long command = geometry.get(i++);
            int id = (int) (command & 7);
            int count = (int) (command >>> 3);
            if (id == 7) {
                continue;
            }
            for (int c = 0; c < count; c++) {
                x += (int) zigzag(geometry.get(i++));
                y += (int) zigzag(geometry.get(i++));
                points.add(new int[] {x, y});
            }
        }
        return points;
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static final class Reader {
        final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        boolean more() {
            return buffer.hasRemaining();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buffer.get();
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new AssertionError("varint longer than 64 bits");
        }

        Reader message() {
            int length = (int) varint();
            ByteBuffer slice = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            return new Reader(slice);
        }

        String string() {
            Reader bytes = message();
            byte[] text = new byte[bytes.buffer.remaining()];
            bytes.buffer.get(text);
            return new String(text, StandardCharsets.UTF_8);
        }

        List<Long> packed() {
            Reader r = message();
            List<Long> values = new ArrayList<>();
            while (r.more()) {
                values.add(r.varint());
            }
            return values;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> buffer.position(buffer.position() + 8);
                case 2 -> message();
                case 5 -> buffer.position(buffer.position() + 4);
                default -> throw new AssertionError("wire type " + wireType);
            }
        }
    }
}
