package org.militrend.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.List;
import org.militrend.incident.IncidentFilter;

/** The trend flags of a monthly report: districts with a significant trend over the 24 months to it. */
@ApplicationScoped
class TrendFlags {

    List<MonthlyReport.TrendFlag> flags(IncidentFilter base, YearMonth month) {
        return List.of();
    }
}
