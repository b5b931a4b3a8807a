package org.estatehub.disposal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;

/**
 * `estatehub.disposal.interest-window-working-days`: the first-refusal window's length (40 working days
 * by default, as e-PIMS gives other public bodies). Read and checked at start-up, so a window of no days
 * stops the service instead of opening disposals that close the day they are declared.
 */
@Startup
@ApplicationScoped
public class DisposalSettings {

    static final String WINDOW = "estatehub.disposal.interest-window-working-days";

    @Inject
    Config config;

    private int interestWindowWorkingDays;

    @PostConstruct
    void read() {
        interestWindowWorkingDays = config.getOptionalValue(WINDOW, Integer.class).orElse(40);
        if (interestWindowWorkingDays < 1) {
            throw new IllegalStateException(WINDOW + " must be at least 1 working day, not " + interestWindowWorkingDays);
        }
    }

    public int interestWindowWorkingDays() {
        return interestWindowWorkingDays;
    }
}
