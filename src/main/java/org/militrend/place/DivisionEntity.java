package org.militrend.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code division}. Read-only: the gazetteer is owned by the Flyway migrations. */
@Entity
@Table(name = "division")
class DivisionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "code", length = 48)
    public String code;

    @Column(name = "name", nullable = false, length = 80)
    public String name;

    @Column(name = "province_code", nullable = false, length = 8)
    public String provinceCode;
}
