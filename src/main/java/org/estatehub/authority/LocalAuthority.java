package org.estatehub.authority;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A UK local authority, named by its ONS GSS code. Reference data: loaded by migration from mySociety's
 * register (src/main/resources/reference), never changed through the API.
 */
@Entity
@Immutable
@Table(name = "local_authority")
public class LocalAuthority extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "la_code", nullable = false)
    public String laCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "official_name", nullable = false)
    public String officialName;

    /** NMD, CTY, UA, MD, LBO, SCO, WPA, NID, COMB, SRA or CC (see the migration). */
    @Column(nullable = false)
    public String type;

    @Column(name = "type_name", nullable = false)
    public String typeName;

    @Column(nullable = false)
    public String nation;

    public String region;

    /** The county council whose area holds this district; null outside two-tier areas. */
    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "replaced_by", nullable = false)
    public List<String> replacedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "former_codes", nullable = false)
    public List<String> formerCodes;

    @Column(nullable = false)
    public boolean current;
}
