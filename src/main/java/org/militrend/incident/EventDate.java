package org.militrend.incident;

import java.time.LocalDate;

/** When an incident happened, and how precisely the source knows the date. */
public record EventDate(LocalDate date, DatePrecision precision) {}
