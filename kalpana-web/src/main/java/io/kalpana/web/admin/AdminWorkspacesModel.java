package io.kalpana.web.admin;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceQuery;
import io.kalpana.workspace.WorkspaceSortField;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The all-workspaces table, paged, sorted and filtered by the database through {@link WorkspaceDirectory}:
 * PrimeFaces hands over the page window and the column sort and filters, nothing is loaded beyond one page.
 * A filter the query refuses (too long, unknown status) empties the table and is reported, never thrown.
 */
public class AdminWorkspacesModel extends LazyDataModel<WorkspaceRowView> {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<WorkspaceDirectory> directory;
    private final transient Consumer<KalpanaException> complaints;

    AdminWorkspacesModel(Supplier<WorkspaceDirectory> directory, Consumer<KalpanaException> complaints) {
        this.directory = directory;
        this.complaints = complaints;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, directory.get().count(query(0, 1, Map.of(), filterBy)));
        } catch (KalpanaException refused) {
            complaints.accept(refused);
            return 0;
        }
    }

    @Override
    public List<WorkspaceRowView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return directory.get().rows(query(first, pageSize, sortBy, filterBy)).stream().map(WorkspaceRowView::new).toList();
        } catch (KalpanaException refused) {
            complaints.accept(refused);
            return List.of();
        }
    }

    @Override
    public String getRowKey(WorkspaceRowView row) {
        return row.getId();
    }

    static WorkspaceQuery query(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        WorkspaceSortField field = WorkspaceSortField.CREATED;
        boolean descending = true;
        Optional<SortMeta> sort = sortBy.values().stream().filter(meta -> meta.getOrder() != SortOrder.UNSORTED).findFirst();
        if (sort.isPresent()) {
            field = WorkspaceSortField.parse(sort.get().getField());
            descending = sort.get().getOrder() == SortOrder.DESCENDING;
        }
        return new WorkspaceQuery(text(filterBy, "owner"), text(filterBy, "name"),
                WorkspaceQuery.parseStatus(text(filterBy, "status").orElse(null)), field, descending,
                Math.max(0, first), Math.max(1, Math.min(pageSize, WorkspaceQuery.MAX_LIMIT)));
    }

    private static Optional<String> text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        return meta == null || meta.getFilterValue() == null ? Optional.empty() : Optional.of(String.valueOf(meta.getFilterValue()));
    }
}
