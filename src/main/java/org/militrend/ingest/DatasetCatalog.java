package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.militrend.common.VersionedCache;
import org.militrend.incident.DataVersion;
import org.militrend.rollup.RollupReads;
import org.militrend.rollup.RollupTable;

/**
 * The registered datasets: their citations (for the attribution of every published figure) and
 * their descriptions (contract "Datasets").
 */
@ApplicationScoped
public class DatasetCatalog {

    /** A dataset and how to cite it. */
    public record Entry(String name, String format, String citation, String licence, String url) {}

    /** The window a dataset claims to record; null ends when it has no events and declares none. */
    public record Coverage(LocalDate from, LocalDate to) {}

    /** What a dataset says about itself, with the counts of what it holds. */
    public record Description(
            String name,
            String format,
            String title,
            String citation,
            String licence,
            String url,
            String scope,
            Coverage coverage,
            boolean complete,
            String rawAccess,
            long incidents,
            List<String> releases,
            OffsetDateTime lastImport) {}

    /** The descriptive fields a PUT may change; null leaves a field as it is. */
    public record Changes(
            String title,
            String citation,
            String licence,
            String url,
            String scope,
            LocalDate coverageFrom,
            LocalDate coverageTo,
            Boolean complete,
            String rawAccess) {}

    @Inject
    EntityManager em;

    @Inject
    RollupReads reads;

    @Inject
    DataVersion dataVersion;

    @Inject
    VersionedCache cache;

    @Transactional
    public List<Entry> find(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return DatasetRow.<DatasetRow>list("name in ?1 order by name", names).stream()
                .map(DatasetCatalog::entry)
                .toList();
    }

    @Transactional
    public List<Entry> all() {
        return DatasetRow.<DatasetRow>list("order by name").stream()
                .map(DatasetCatalog::entry)
                .toList();
    }

    @Transactional
    public Optional<Entry> find(String name) {
        return DatasetRow.<DatasetRow>findByIdOptional(name).map(DatasetCatalog::entry);
    }

    /**
     * Every dataset described. What the datasets hold is kept for the data version: every
     * aggregate, trend and hotspot ranking asks for it (coverage), and summing the places rollup
     * cost ~15-30 ms of a 2.4M-incident store's district-by-month answer.
     */
    @Transactional
    public List<Description> describeAll() {
        List<DatasetRow> rows = DatasetRow.list("order by name");
        Map<String, Held> held = new HashMap<>();
        for (Held h : cache.get("datasets-held", dataVersion.current(), () -> held(null), List::size)) {
            held.put(h.dataset(), h);
        }
        List<Description> out = new ArrayList<>();
        for (DatasetRow r : rows) {
            out.add(describe(r, held.get(r.name)));
        }
        return out;
    }

    @Transactional
    public Optional<Description> describe(String name) {
        return DatasetRow.<DatasetRow>findByIdOptional(name).map(r -> describe(r, counts(name)));
    }

    /** Applies a PUT's changes; empty when there is no such dataset. */
    @Transactional
    public Optional<Description> change(String name, Changes c) {
        DatasetRow r = DatasetRow.findById(name);
        if (r == null) {
            return Optional.empty();
        }
        if (c.title() != null) r.title = c.title();
        if (c.citation() != null) r.citation = c.citation();
        if (c.licence() != null) r.licence = c.licence();
        if (c.url() != null) r.url = c.url();
        if (c.scope() != null) r.scope = c.scope();
        if (c.coverageFrom() != null) r.coverageFrom = c.coverageFrom();
        if (c.coverageTo() != null) r.coverageTo = c.coverageTo();
        if (c.complete() != null) r.complete = c.complete();
        if (c.rawAccess() != null) r.rawAccess = c.rawAccess();
        return Optional.of(describe(r, counts(name)));
    }

    /** How many incidents a dataset holds, and the months of its first and last. */
    private record Held(String dataset, long incidents, YearMonth first, YearMonth last) {}

    private Held counts(String name) {
        List<Held> held = held(name);
        return held.isEmpty() ? null : held.get(0);
    }

    /**
     * The incidents of every dataset, or of the one named: summed from the places-and-months
     * rollup (a few thousand rows) when rollup reads are on, counted over the incidents
     * otherwise; only the months of the first and last event matter here.
     */
    private List<Held> held(String name) {
        if (reads.enabled()) {
            Query query = em.createNativeQuery("SELECT dataset, SUM(incidents), MIN(period_month),"
                    + " MAX(period_month) FROM " + RollupTable.PLACE.table()
                    + (name == null ? "" : " WHERE dataset = :d") + " GROUP BY dataset");
            if (name != null) {
                query.setParameter("d", name);
            }
            List<Held> out = new ArrayList<>();
            for (Object o : query.getResultList()) {
                Object[] r = (Object[]) o;
                out.add(new Held(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        YearMonth.parse(r[2].toString()),
                        YearMonth.parse(r[3].toString())));
            }
            return out;
        }
        var query = em.createQuery(
                "select i.dataset, count(i), min(i.eventDate), max(i.eventDate) from Incident i"
                        + (name == null ? "" : " where i.dataset = :d") + " group by i.dataset",
                Object[].class);
        if (name != null) {
            query.setParameter("d", name);
        }
        return query.getResultList().stream()
                .map(r -> new Held(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        YearMonth.from((LocalDate) r[2]),
                        YearMonth.from((LocalDate) r[3])))
                .toList();
    }

    private Description describe(DatasetRow r, Held held) {
        long incidents = held == null ? 0 : held.incidents();
        // default coverage: the whole months of the first and the last event
        LocalDate from = r.coverageFrom != null
                ? r.coverageFrom
                : held == null ? null : held.first().atDay(1);
        LocalDate to = r.coverageTo != null
                ? r.coverageTo
                : held == null ? null : held.last().atEndOfMonth();
        List<String> releases = em.createQuery(
                        "select distinct b.sourceRelease from ImportBatch b where b.dataset = :d and b.sourceRelease"
                                + " is not null and b.status = 'completed' and b.dryRun = false order by"
                                + " b.sourceRelease",
                        String.class)
                .setParameter("d", r.name)
                .getResultList();
        OffsetDateTime lastImport = em.createQuery(
                        "select max(b.finishedAt) from ImportBatch b where b.dataset = :d and b.status = 'completed'"
                                + " and b.dryRun = false",
                        OffsetDateTime.class)
                .setParameter("d", r.name)
                .getSingleResult();
        return new Description(
                r.name,
                r.format,
                r.title == null ? r.citation : r.title,
                r.citation,
                r.licence,
                r.url,
                r.scope,
                new Coverage(from, to),
                r.complete != null && r.complete,
                r.rawAccess == null ? "open" : r.rawAccess,
                incidents,
                releases,
                lastImport);
    }

    private static Entry entry(DatasetRow r) {
        return new Entry(r.name, r.format, r.citation, r.licence, r.url);
    }
}
