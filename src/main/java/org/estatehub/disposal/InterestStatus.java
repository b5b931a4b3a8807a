package org.estatehub.disposal;

/** An expression of interest's stored status (disposal_interest.status); transitions: DisposalInterestLifecycle. */
public enum InterestStatus {
    REGISTERED, SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN
}
