package org.militrend.incident;

/**
 * What happened and between whom, as the contract's core fields say it; {@link EventDetail}
 * holds what the richer sources add.
 */
public record EventSummary(String eventType, String actor, String target) {}
