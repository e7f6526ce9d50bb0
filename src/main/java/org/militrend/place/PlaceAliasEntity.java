package org.militrend.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code place_alias}: another name of a province ({@code kind = 'province'}) or a district. */
@Entity
@Table(name = "place_alias")
class PlaceAliasEntity extends PanacheEntityBase {

    static final String PROVINCE = "province";
    static final String DISTRICT = "district";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kind", nullable = false, length = 16)
    public String kind;

    @Column(name = "alias", nullable = false, length = 120)
    public String alias;

    @Column(name = "normalized", nullable = false, length = 120)
    public String normalized;

    @Column(name = "province_code", length = 8)
    public String provinceCode;

    @Column(name = "district_code", length = 48)
    public String districtCode;

    @Column(name = "note", length = 300)
    public String note;
}
