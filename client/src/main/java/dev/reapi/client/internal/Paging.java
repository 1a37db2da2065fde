package dev.reapi.client.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Lazy iteration over cursor-paged answers. */
public final class Paging {

    private Paging() {}

    /**
     * One page.
     *
     * @param items the page's items
     * @param next the cursor of the next page, null on the last page
     * @param <T> item type
     */
    public record Page<T>(List<T> items, @Nullable String next) {

        /** Copies the items. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * A sequential stream that fetches the page at {@code start} when first consumed, and each
     * following page only when the previous one is used up.
     *
     * @throws IllegalStateException from the stream if the server repeats a cursor
     */
    public static <T> Stream<T> stream(
            @Nullable String start, Function<@Nullable String, Page<T>> fetch) {
        Iterator<T> iterator = new CursorIterator<>(start, fetch);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        iterator, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private static final class CursorIterator<T> implements Iterator<T> {
        private final Function<@Nullable String, Page<T>> fetch;
        private @Nullable String cursor;
        private Iterator<T> current = List.<T>of().iterator();
        private boolean lastFetched;

        CursorIterator(@Nullable String start, Function<@Nullable String, Page<T>> fetch) {
            this.cursor = start;
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !lastFetched) {
                Page<T> page = fetch.apply(cursor);
                if (page.next() != null && Objects.equals(page.next(), cursor)) {
                    throw new IllegalStateException(
                            "the server returned cursor '" + cursor + "' twice in a row");
                }
                current = page.items().iterator();
                cursor = page.next();
                lastFetched = cursor == null;
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            return current.next();
        }
    }
}
