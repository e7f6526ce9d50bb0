package org.militrend.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alias table is consistent with the Java normalization and every alias reaches its place. */
@QuarkusTest
class PlaceAliasTableTest {

    @Inject
    PlaceResolver resolver;

    @Test
    @TestTransaction
    void storedKeysAreTheJavaNormalizationAndEveryAliasResolvesToItsTarget() {
        List<PlaceAliasEntity> aliases = PlaceAliasEntity.listAll();
        assertTrue(aliases.size() > 300, "aliases: " + aliases.size());
        for (PlaceAliasEntity a : aliases) {
            assertEquals(PlaceNames.normalize(a.alias), a.normalized, "normalized key of '" + a.alias + "'");
            assertNotNull(a.note, "note of '" + a.alias + "'");
            if (PlaceAliasEntity.PROVINCE.equals(a.kind)) {
                assertEquals(
                        a.provinceCode,
                        resolver.province(a.alias).map(ProvinceRef::code).orElse(null),
                        "province alias '" + a.alias + "'");
            } else {
                assertEquals(
                        a.districtCode,
                        resolver.district(a.alias).map(DistrictRef::code).orElse(null),
                        "district alias '" + a.alias + "'");
            }
        }
    }

    @Test
    @TestTransaction
    void districtCodesAreTheProvinceCodeAndTheSlugOfTheName() {
        List<DistrictEntity> districts = DistrictEntity.listAll();
        assertEquals(160, districts.size());
        for (DistrictEntity d : districts) {
            String slug = d.name.toUpperCase().replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
            assertEquals(d.provinceCode + "-" + slug, d.code);
            assertEquals(d.code, resolver.district(d.name).orElseThrow().code(), d.name);
            assertEquals(d.code, resolver.district(d.code).orElseThrow().code(), d.code);
        }
    }
}
