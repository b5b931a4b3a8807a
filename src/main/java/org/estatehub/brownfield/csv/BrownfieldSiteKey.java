package org.estatehub.brownfield.csv;

import java.util.UUID;

/** An owner's site: its reference in the register and its id, which an import matches the file's rows against. */
public record BrownfieldSiteKey(String reference, UUID id) {
}
