package org.militrend.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.militrend.common.ProblemError;
import org.militrend.common.ProblemException;
import org.militrend.common.VersionedCache;
import org.militrend.place.DistrictRef;
import org.militrend.place.DivisionRef;
import org.militrend.place.PlaceResolver;
import org.militrend.place.ProvinceRef;
import org.militrend.place.Resolution;
import org.militrend.rollup.RollupService;
import org.militrend.rollup.TouchedMonths;

/** Reads and hand edits of incidents. Imports write through the ingest feature instead. */
@ApplicationScoped
class IncidentService {

    static final String MANUAL_DATASET = "manual";

    @Inject
    IncidentRepository repository;

    @Inject
    PlaceResolver places;

    @Inject
    DataVersion dataVersion;

    @Inject
    RollupService rollup;

    @Inject
    VersionedCache cache;

    @Transactional
    IncidentPage page(IncidentFilter filter, boolean editor, int page, int size) {
        List<IncidentView> items = repository.page(filter, editor, page, size).stream()
                .map(this::view)
                .toList();
        return new IncidentPage(items, page, size, total(filter, editor));
    }

    /**
     * The count of a filter's incidents, kept for the data version: a page is cheap (it walks the
     * date index), its total reads every matching row, and paging through a view or reloading the
     * dashboard asks the same total again. Editors count rows readers may not see: part of the key.
     */
    private long total(IncidentFilter filter, boolean editor) {
        return cache.get(
                "incident-count?" + (editor ? "editor" : "reader") + "#" + filter,
                dataVersion.current(),
                () -> repository.count(filter, editor),
                count -> 1);
    }

    /** The credits of the datasets an export under this filter draws on. */
    @Transactional
    List<String> credits(IncidentFilter filter, boolean editor) {
        return repository.credits(filter, editor);
    }

    /** One page of rows without the count, for exports that walk every page. */
    @Transactional
    List<IncidentView> rows(IncidentFilter filter, boolean editor, int page, int size) {
        return repository.page(filter, editor, page, size).stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    IncidentView get(long id, boolean editor) {
        Incident incident = find(id);
        if (!editor && !repository.rawOpen(incident)) {
            // the same answer as for a missing id: the row's existence is not disclosed either
            throw ProblemException.notFound("incident " + id);
        }
        return view(incident);
    }

    @Transactional
    IncidentView create(IncidentInput input) {
        String dataset = blankToNull(input.dataset()) == null
                ? MANUAL_DATASET
                : input.dataset().trim();
        String externalId = blankToNull(input.externalId()) == null
                ? UUID.randomUUID().toString()
                : input.externalId().trim();
        if (repository.count("dataset = ?1 and externalId = ?2", dataset, externalId) > 0) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "dataset '" + dataset + "' already has an incident with externalId '" + externalId + "'",
                    List.of(ProblemError.field("externalId", externalId, "already used in this dataset")));
        }
        Incident incident = new Incident();
        values(input, dataset, externalId).applyTo(incident);
        incident.divisionCode = division(input);
        incident.createdAt = OffsetDateTime.now();
        incident.updatedAt = incident.createdAt;
        repository.persist(incident);
        repository.flush();
        dataVersion.bump();
        refreshRollup(incident, null);
        return view(incident);
    }

    @Transactional
    IncidentView update(long id, IncidentInput input) {
        Incident incident = find(id);
        if (input.version() == null) {
            throw ProblemException.badParameter("version", null, "'version' is required to update an incident");
        }
        if (input.version() != incident.version) {
            throw new OptimisticLockException();
        }
        String dataset = blankToNull(input.dataset()) == null
                ? incident.dataset
                : input.dataset().trim();
        String externalId = blankToNull(input.externalId()) == null
                ? incident.externalId
                : input.externalId().trim();
        TouchedMonths before = touched(incident);
        values(input, dataset, externalId).applyTo(incident);
        incident.divisionCode = division(input);
        incident.updatedAt = OffsetDateTime.now();
        repository.flush();
        dataVersion.bump();
        refreshRollup(incident, before);
        return view(incident);
    }

    @Transactional
    void delete(long id) {
        Incident incident = find(id);
        TouchedMonths before = touched(incident);
        repository.delete(incident);
        repository.flush();
        dataVersion.bump();
        refreshRollup(null, before);
    }

    private static TouchedMonths touched(Incident incident) {
        TouchedMonths t = new TouchedMonths();
        t.add(incident.dataset, incident.periodMonth);
        return t;
    }

    /** Recomputes the rollup's months of the incident's old and new values, in this transaction. */
    private void refreshRollup(Incident now, TouchedMonths before) {
        TouchedMonths touched = before == null ? new TouchedMonths() : before;
        if (now != null) {
            touched.add(now.dataset, now.periodMonth);
        }
        try {
            rollup.refresh(touched);
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the monthly rollup", e);
        }
    }

    private Incident find(long id) {
        Incident incident = repository.findById(id);
        if (incident == null) {
            throw ProblemException.notFound("incident " + id);
        }
        return incident;
    }

    /** The division the input's place resolves to (its district's, or one named as "Karachi"). */
    private String division(IncidentInput in) {
        DivisionRef division = places.resolve(in.province(), in.district()).division();
        return division == null ? null : division.code();
    }

    private IncidentValues values(IncidentInput in, String dataset, String externalId) {
        LocalDate date;
        try {
            date = LocalDate.parse(in.date().trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("date", in.date(), "'date' must be YYYY-MM-DD");
        }
        DatePrecision datePrecision = in.datePrecision() == null
                ? DatePrecision.DAY
                : DatePrecision.parse(in.datePrecision())
                        .orElseThrow(() -> ProblemException.badParameter(
                                "datePrecision", in.datePrecision(), "must be day, week, month or year"));
        if (blankToNull(in.province()) == null && blankToNull(in.district()) == null) {
            throw ProblemException.badParameter("district", null, "a district or a province is required");
        }
        Resolution r = places.resolve(in.province(), in.district());
        if (r.provinceUnknown()) {
            throw ProblemException.unknownPlace("province", in.province(), r.suggestions());
        }
        if (r.districtUnknown()) {
            throw ProblemException.unknownPlace("district", in.district(), r.suggestions());
        }
        LocationPrecision defaultPrecision =
                r.district() != null ? LocationPrecision.DISTRICT : LocationPrecision.PROVINCE;
        LocationPrecision locationPrecision = in.locationPrecision() == null
                ? defaultPrecision
                : LocationPrecision.parse(in.locationPrecision())
                        .orElseThrow(() -> ProblemException.badParameter(
                                "locationPrecision",
                                in.locationPrecision(),
                                "must be exact, district, province or country"));
        String provinceCode = r.district() != null
                ? r.district().provinceCode()
                : r.province() == null ? null : r.province().code();
        return new IncidentValues(
                dataset,
                externalId,
                new EventDate(date, datePrecision),
                new ResolvedPlace(
                        blankToNull(in.country()) == null
                                ? "Pakistan"
                                : in.country().trim(),
                        provinceCode,
                        r.district() == null ? null : r.district().code(),
                        blankToNull(in.location()),
                        locationPrecision,
                        in.latitude(),
                        in.longitude()),
                new EventSummary(blankToNull(in.eventType()), blankToNull(in.actor()), blankToNull(in.target())),
                new Casualties(
                        in.killed(),
                        in.killedMin(),
                        in.killedCivilians(),
                        in.killedSecurityForces(),
                        in.killedMilitants(),
                        in.injured(),
                        in.injuredMin()),
                new Provenance(blankToNull(in.source()), blankToNull(in.sourceUrl()), blankToNull(in.notes())),
                detail(in));
    }

    private static EventDetail detail(IncidentInput in) {
        Category category = in.category() == null
                ? Category.infer(blankToNull(in.eventType()))
                : Category.parse(in.category())
                        .orElseThrow(() -> ProblemException.badParameter(
                                "category", in.category(), "unknown category; known: " + Category.keys()));
        return new EventDetail(
                category,
                blankToNull(in.subEventType()),
                blankToNull(in.actor2()),
                in.killedLow(),
                in.killedHigh(),
                blankToNull(in.sourceRelease()));
    }

    IncidentView view(Incident i) {
        String province = i.provinceCode == null
                ? null
                : places.province(i.provinceCode).map(ProvinceRef::name).orElse(i.provinceCode);
        String district = i.districtCode == null
                ? null
                : places.district(i.districtCode).map(DistrictRef::name).orElse(i.districtCode);
        return new IncidentView(
                i.id,
                i.eventDate,
                i.datePrecision,
                i.country,
                province,
                i.provinceCode,
                district,
                i.districtCode,
                i.location,
                i.locationPrecision,
                i.latitude,
                i.longitude,
                i.eventType,
                i.actor,
                i.target,
                new Casualties(
                        i.killed,
                        i.killedMin,
                        i.killedCivilians,
                        i.killedSecurityForces,
                        i.killedMilitants,
                        i.injured,
                        i.injuredMin),
                i.source,
                i.sourceUrl,
                i.notes,
                i.category,
                i.subEventType,
                i.actor2,
                i.killedLow,
                i.killedHigh,
                i.sourceRelease,
                i.externalId,
                i.dataset,
                i.importId,
                i.createdAt,
                i.updatedAt,
                i.version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
