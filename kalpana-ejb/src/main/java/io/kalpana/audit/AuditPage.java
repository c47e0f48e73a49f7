package io.kalpana.audit;

import java.util.List;

/** The events of one audit page and how many events match the filters in all. */
public record AuditPage(List<AuditEvent> events, long total) {
}
