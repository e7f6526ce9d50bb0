package org.militrend.incident;

import java.util.Objects;

/**
 * What the richer sources say about an incident beyond the contract's core fields.
 *
 * @param category the normalized category; never null
 * @param killedLow the low estimate of the killed, where the source gives a range
 * @param killedHigh the high estimate of the killed
 * @param sourceRelease the dataset release (or row revision) the row came from
 */
public record EventDetail(
        Category category,
        String subEventType,
        String actor2,
        Integer killedLow,
        Integer killedHigh,
        String sourceRelease) {

    public EventDetail {
        Objects.requireNonNull(category, "category");
    }

    /** Only a category. */
    public static EventDetail of(Category category) {
        return new EventDetail(category, null, null, null, null, null);
    }

    public EventDetail withRelease(String release) {
        return new EventDetail(category, subEventType, actor2, killedLow, killedHigh, release);
    }
}
