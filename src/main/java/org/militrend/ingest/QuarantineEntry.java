package org.militrend.ingest;

/** A rejected row kept by an onError=skip import: its line, its cells re-quoted as CSV, and why. */
public record QuarantineEntry(long line, String rawLine, String reason) {}
