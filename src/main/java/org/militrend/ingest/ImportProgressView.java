package org.militrend.ingest;

/**
 * How far a running import has got: rows and bytes done, the rate, and the estimated time left
 * (from the share of the file read so far; null until it can be estimated).
 */
public record ImportProgressView(
        long rowsDone,
        long bytesDone,
        long bytesTotal,
        double rowsPerSecond,
        Double secondsLeft,
        double elapsedSeconds) {}
