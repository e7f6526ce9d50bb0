package org.militrend.incident;

/** Where the report of an incident comes from, and the notes that come with it. */
public record Provenance(String source, String sourceUrl, String notes) {}
