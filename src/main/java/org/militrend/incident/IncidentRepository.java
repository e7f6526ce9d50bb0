package org.militrend.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class IncidentRepository implements PanacheRepository<Incident> {

    List<Incident> page(IncidentFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String hql = "from Incident i where " + filter.hql(params) + " order by i.eventDate, i.id";
        return find(hql, params).page(Page.of(page, size)).list();
    }

    long count(IncidentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return find("from Incident i where " + filter.hql(params), params).count();
    }
}
