package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    /** Every dataset described. */
    @Transactional
    public List<Description> describeAll() {
        List<DatasetRow> rows = DatasetRow.list("order by name");
        Map<String, Object[]> counts = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select i.dataset, count(i), min(i.eventDate), max(i.eventDate) from Incident i group by"
                                + " i.dataset",
                        Object[].class)
                .getResultList()) {
            counts.put((String) r[0], r);
        }
        List<Description> out = new ArrayList<>();
        for (DatasetRow r : rows) {
            out.add(describe(r, counts.get(r.name)));
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

    private Object[] counts(String name) {
        return em.createQuery(
                        "select i.dataset, count(i), min(i.eventDate), max(i.eventDate) from Incident i where"
                                + " i.dataset = :d group by i.dataset",
                        Object[].class)
                .setParameter("d", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Description describe(DatasetRow r, Object[] counts) {
        long incidents = counts == null ? 0 : ((Number) counts[1]).longValue();
        LocalDate first = counts == null ? null : (LocalDate) counts[2];
        LocalDate last = counts == null ? null : (LocalDate) counts[3];
        // default coverage: the whole months of the first and the last event
        LocalDate from = r.coverageFrom != null ? r.coverageFrom : first == null ? null : first.withDayOfMonth(1);
        LocalDate to = r.coverageTo != null
                ? r.coverageTo
                : last == null ? null : YearMonth.from(last).atEndOfMonth();
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
