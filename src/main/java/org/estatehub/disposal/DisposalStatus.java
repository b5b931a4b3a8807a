package org.estatehub.disposal;

/** A disposal's stored status (column disposal.status holds these names); transitions: DisposalLifecycle. */
public enum DisposalStatus {
    OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET, TRANSFERRED, SOLD, WITHDRAWN
}
