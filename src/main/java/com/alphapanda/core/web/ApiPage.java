package com.alphapanda.core.web;

import java.util.List;

/**
 * The one shape of every list the API returns: the items of the requested page, the page number (from 0), the page
 * size and the total number of items matching the request (over all pages).
 *
 * @param <T> the item type
 */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public ApiPage {
        items = List.copyOf(items);
    }

    /** A page of a list held in memory (short lists: brokers, tokens, strategies). */
    public static <T> ApiPage<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new ApiPage<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    /** A page read from a store that counted the total separately. */
    public static <T> ApiPage<T> of(List<T> items, PageRequest request, long total) {
        return new ApiPage<>(items, request.page(), request.size(), total);
    }
}
