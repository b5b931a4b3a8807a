package org.estatehub.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A partner's subscription to change events. The feed cursor and replay generation are not mapped: the
 * dispatcher moves them in SQL many times a second, and an update of the subscription must never write an
 * older cursor back (hence also {@link DynamicUpdate}: only changed columns are written).
 */
@Entity
@Table(name = "webhook_subscription")
@DynamicUpdate
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Feed actions (AuditEvent.action) delivered, in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookSubscriptionStatus status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** The signing key, base64 (shown as `whsec_` + this). */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public OffsetDateTime previousSecretExpiresAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
