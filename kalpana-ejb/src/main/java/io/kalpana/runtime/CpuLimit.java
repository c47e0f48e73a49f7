package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;

import java.math.BigDecimal;

/** How many CPUs a container may use, kept in the billionths Docker's API counts in. */
public record CpuLimit(long nanoCpus) {

    public CpuLimit {
        if (nanoCpus < 10_000_000L) {
            throw KalpanaException.invalid("invalid_cpu_limit", "kalpana.workspace.cpus must be at least 0.01");
        }
    }

    public static CpuLimit parse(String text) {
        try {
            return new CpuLimit(new BigDecimal(text.strip()).movePointRight(9).longValueExact());
        } catch (RuntimeException e) {
            if (e instanceof KalpanaException problem) {
                throw problem;
            }
            throw KalpanaException.invalid("invalid_cpu_limit",
                    "kalpana.workspace.cpus must be a number of CPUs such as 2 or 1.5, not '" + text + "'");
        }
    }
}
