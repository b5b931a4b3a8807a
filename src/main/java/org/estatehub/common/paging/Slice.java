package org.estatehub.common.paging;

import java.util.List;

/** One page of a list and the total number of items matching the same filter. */
public record Slice<T>(List<T> items, long total) {
}
