package org.militrend.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class IncidentRepository implements PanacheRepository<Incident> {

    /**
     * Rows of datasets whose terms forbid passing raw rows on (rawAccess = editors) are left out
     * unless the reader is an editor; aggregates read the table directly and keep them.
     */
    private static final String READABLE_RAW =
            " and i.dataset not in (select d.name from DatasetRow d where d.rawAccess = 'editors')";

    List<Incident> page(IncidentFilter filter, boolean editor, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String hql = "from Incident i where " + filter.hql(params) + (editor ? "" : READABLE_RAW)
                + " order by i.eventDate, i.id";
        return find(hql, params).page(Page.of(page, size)).list();
    }

    /**
     * "dataset: citation" of each catalogued dataset with rows the reader may see under the filter,
     * by name: the credit a CSV export carries in its attribution header.
     */
    List<String> credits(IncidentFilter filter, boolean editor) {
        Map<String, Object> params = new HashMap<>();
        var query = getEntityManager()
                .createQuery(
                        "select d.name, d.citation from DatasetRow d where exists (select 1 from Incident i where"
                                + " i.dataset = d.name and " + filter.hql(params) + (editor ? "" : READABLE_RAW)
                                + ") order by d.name",
                        Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> row[1] == null ? (String) row[0] : row[0] + ": " + row[1])
                .toList();
    }

    long count(IncidentFilter filter, boolean editor) {
        Map<String, Object> params = new HashMap<>();
        return find("from Incident i where " + filter.hql(params) + (editor ? "" : READABLE_RAW), params)
                .count();
    }

    /** Whether an incident's raw row may be shown to a reader who is not an editor. */
    boolean rawOpen(Incident i) {
        return count("from Incident i where i.id = ?1" + READABLE_RAW, i.id) > 0;
    }
}
