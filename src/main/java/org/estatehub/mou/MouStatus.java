package org.estatehub.mou;

/**
 * An MOU's stored status (column mou.status holds these names); transitions: MouLifecycle. The
 * contract's EXPIRED is not stored: it is derived from the expiry date (Mou.expired), so it never goes stale.
 */
public enum MouStatus {
    DRAFT, ISSUED, SIGNED, TERMINATED
}
