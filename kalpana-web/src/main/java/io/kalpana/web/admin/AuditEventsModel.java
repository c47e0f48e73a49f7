package io.kalpana.web.admin;

import io.kalpana.audit.AuditEvent;
import io.kalpana.audit.AuditLog;
import io.kalpana.audit.AuditQuery;
import io.kalpana.problem.KalpanaException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The audit log table, newest first, paged by the database; the filters come from the console's form fields. */
public class AuditEventsModel extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<AuditLog> audit;
    private final transient Supplier<Filter> filter;
    private final transient Consumer<KalpanaException> complaints;

    /** The actor and time range typed into the form above the table. */
    record Filter(Optional<String> actor, Optional<Instant> from, Optional<Instant> to) {
    }

    AuditEventsModel(Supplier<AuditLog> audit, Supplier<Filter> filter, Consumer<KalpanaException> complaints) {
        this.audit = audit;
        this.filter = filter;
        this.complaints = complaints;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, audit.get().search(query(0, 1)).total());
        } catch (KalpanaException refused) {
            complaints.accept(refused);
            return 0;
        }
    }

    @Override
    public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return audit.get().search(query(first, pageSize)).events();
        } catch (KalpanaException refused) {
            complaints.accept(refused);
            return List.of();
        }
    }

    @Override
    public String getRowKey(AuditEvent event) {
        return event.id();
    }

    private AuditQuery query(int first, int pageSize) {
        Filter current = filter.get();
        return new AuditQuery(current.actor(), current.from(), current.to(), Math.max(0, first),
                Math.max(1, Math.min(pageSize, AuditQuery.MAX_LIMIT)));
    }
}
