package io.kalpana.runtime;

import java.util.Optional;

/** How setting up a new workspace went. A problem here leaves the workspace usable, so it is a note, not a failure. */
public record ProvisioningOutcome(Optional<String> problem) {

    public static ProvisioningOutcome fine() {
        return new ProvisioningOutcome(Optional.empty());
    }

    public static ProvisioningOutcome withProblem(String problem) {
        return new ProvisioningOutcome(Optional.of(problem));
    }
}
