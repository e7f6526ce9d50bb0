package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The registered datasets and their citations, for the attribution of every published figure. */
@ApplicationScoped
public class DatasetCatalog {

    /** A dataset and how to cite it. */
    public record Entry(String name, String format, String citation, String licence, String url) {}

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

    private static Entry entry(DatasetRow r) {
        return new Entry(r.name, r.format, r.citation, r.licence, r.url);
    }
}
