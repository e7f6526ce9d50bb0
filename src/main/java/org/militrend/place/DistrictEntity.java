package org.militrend.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code district}. Read-only: the gazetteer is owned by the Flyway migrations. */
@Entity
@Table(name = "district")
class DistrictEntity extends PanacheEntityBase {

    @Id
    @Column(name = "code", length = 48)
    public String code;

    @Column(name = "name", nullable = false, length = 80)
    public String name;

    @Column(name = "province_code", nullable = false, length = 8)
    public String provinceCode;

    @Column(name = "population_2023")
    public Long population2023;

    @Column(name = "population_2017")
    public Long population2017;

    @Column(name = "area_sqkm")
    public Double areaSqKm;

    @Column(name = "former_fata", nullable = false)
    public boolean formerFata;

    @Column(name = "division_code", length = 48)
    public String divisionCode;
}
