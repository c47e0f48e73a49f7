package io.kalpana.web.admin;

import io.kalpana.workspace.WorkspaceRow;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A table row with JavaBean getters, which Faces EL (5.0, no record support) and PrimeFaces' columns need. */
public class WorkspaceRowView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final transient WorkspaceRow row;

    WorkspaceRowView(WorkspaceRow row) {
        this.row = row;
    }

    public String getId() {
        return row.id().value();
    }

    public String getName() {
        return row.name();
    }

    public String getOwner() {
        return row.owner().value();
    }

    public String getStatus() {
        return row.status().name();
    }

    public String getStatusReason() {
        return row.statusReason().orElse("");
    }

    public String getTemplate() {
        return row.template();
    }

    public String getPorts() {
        return row.idePort().map(ide -> ide + " / " + row.bridgePort().map(String::valueOf).orElse("?")).orElse("");
    }

    public String getCreatedAt() {
        return SHOWN.format(row.createdAt());
    }

    public boolean isStoppable() {
        return row.stoppable();
    }
}
