package org.militrend.aggregate;

/**
 * What the rows of one group share: the labels and codes of its places and other dimensions (by
 * column position, null elsewhere) and the population its per-capita rates divide by.
 */
record RowGroup(String[] text, Long population) {}
