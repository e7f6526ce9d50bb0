package org.militrend.ingest;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.militrend.common.ProblemException;

/** Column mappings saved by name (contract "Column mappings"). */
@ApplicationScoped
public class MappingStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Every saved mapping, by name. */
    @Transactional
    public Map<String, ColumnMapping> all() {
        Map<String, ColumnMapping> out = new LinkedHashMap<>();
        ColumnMappingRow.<ColumnMappingRow>findAll(Sort.by("name"))
                .list()
                .forEach(r -> out.put(r.name, ColumnMapping.parse(r.body)));
        return out;
    }

    @Transactional
    public Optional<ColumnMapping> find(String name) {
        return ColumnMappingRow.<ColumnMappingRow>findByIdOptional(name).map(r -> ColumnMapping.parse(r.body));
    }

    /** A saved mapping, or a 400 naming the parameter {@code mapping} (it is a parameter of the import). */
    ColumnMapping get(String name) {
        return find(name)
                .orElseThrow(() -> ProblemException.badParameter("mapping", name, "no saved mapping of this name"));
    }

    /** Saves (or replaces) a mapping; true when it is new. */
    @Transactional
    public boolean save(String name, ColumnMapping mapping) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badParameter(
                    "name", name, "a mapping name is 1-64 letters, digits, '.', '_' or '-'");
        }
        ColumnMappingRow r = ColumnMappingRow.findById(name);
        boolean created = r == null;
        if (created) {
            r = new ColumnMappingRow();
            r.name = name;
        }
        r.body = mapping.toJson();
        r.updatedAt = OffsetDateTime.now();
        r.persist();
        return created;
    }

    @Transactional
    public boolean delete(String name) {
        return ColumnMappingRow.deleteById(name);
    }
}
