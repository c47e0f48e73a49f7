package io.kalpana.web.admin;

import io.kalpana.web.problem.PageMessages;
import io.kalpana.audit.AuditLog;
import io.kalpana.capacity.CapacityReport;
import io.kalpana.capacity.CapacitySample;
import io.kalpana.capacity.CapacitySamples;
import io.kalpana.capacity.CapacityService;
import io.kalpana.capacity.ContainerLoad;
import io.kalpana.capacity.PortHolder;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin console: capacity, every workspace, the chart and the audit log. The capacity section is loaded
 * after the page has rendered (it waits for Docker's stats), everything else with the page.
 */
@Named
@ViewScoped
public class AdminConsoleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Caller caller;

    @Inject
    transient CapacityService capacityService;

    @Inject
    transient CapacitySamples samples;

    @Inject
    transient WorkspaceDirectory directory;

    @Inject
    transient WorkspaceLifecycle lifecycle;

    @Inject
    transient WorkspaceService workspaces;

    @Inject
    transient AuditLog audit;

    @Inject
    transient KalpanaConfig config;

    private java.time.Duration sampleInterval;

    private CapacityReport capacity;
    private String chart;
    private int chartSamples;
    private AdminWorkspacesModel workspaceTable;
    private AuditEventsModel auditTable;
    private String auditActor;
    private LocalDateTime auditFrom;
    private LocalDateTime auditTo;

    @PostConstruct
    void init() {
        workspaceTable = new AdminWorkspacesModel(() -> directory, this::complain);
        auditTable = new AuditEventsModel(() -> audit, this::auditFilter, this::complain);
        sampleInterval = config.adminSampleInterval();
        loadChart();
    }

    /** Called by the page once it has rendered, and by the refresh button and live updates. */
    public void loadCapacity() {
        try {
            capacity = capacityService.report();
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public void loadChart() {
        try {
            List<CapacitySample> lastDay = samples.lastDay(Instant.now(Clock.systemUTC()));
            chartSamples = lastDay.size();
            chart = CapacityChart.of(lastDay);
        } catch (RuntimeException e) {
            chart = CapacityChart.of(List.of());
            show(e);
        }
    }

    public void forceStop(String id) {
        try {
            Workspace stopped = lifecycle.stop(caller, new WorkspaceId(id));
            info("Workspace '" + stopped.name() + "' of " + stopped.owner() + " stopped; its files are kept");
        } catch (RuntimeException e) {
            show(e);
        }
    }

    /** Deletes a workspace of anyone's; a running one is stopped first, as its owner would have to. */
    public void delete(String id) {
        try {
            WorkspaceId workspaceId = new WorkspaceId(id);
            Workspace workspace = workspaces.get(caller, workspaceId);
            if (workspace.status() != WorkspaceStatus.STOPPED && workspace.status() != WorkspaceStatus.ERROR) {
                lifecycle.stop(caller, workspaceId);
            }
            workspaces.delete(caller, workspaceId);
            info("Workspace '" + workspace.name() + "' of " + workspace.owner() + " deleted with its files");
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public void searchAudit() {
        if (auditFrom != null && auditTo != null && !auditFrom.isBefore(auditTo)) {
            complain(KalpanaException.invalid("invalid_time_range", "'From' must be before 'to'"));
        }
    }

    private AuditEventsModel.Filter auditFilter() {
        return new AuditEventsModel.Filter(Optional.ofNullable(auditActor),
                Optional.ofNullable(auditFrom).map(time -> time.toInstant(ZoneOffset.UTC)),
                Optional.ofNullable(auditTo).map(time -> time.toInstant(ZoneOffset.UTC)));
    }

    private void complain(KalpanaException problem) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_WARN, problem.getMessage(), null));
    }

    private void info(String text) {
        PageMessages.info(text);
    }

    private void show(RuntimeException e) {
        PageMessages.failed("an admin console action of " + caller.username(), e);
    }

    // What the page reads.

    public CapacityReport getCapacity() {
        return capacity;
    }

    public List<PortHolder> getPortMap() {
        return capacity == null ? List.of() : capacity.portMap();
    }

    public List<ContainerLoad> getContainers() {
        return capacity == null ? List.of() : capacity.containers();
    }

    public String bytes(long bytes) {
        return Bytes.shown(bytes);
    }

    public String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    public String time(Instant instant) {
        return instant == null ? "" : WorkspaceRowView.SHOWN.format(instant);
    }

    public String timeOfDay(Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC).format(instant);
    }

    /** Statuses other than running and stopped that have workspaces now, e.g. "2 ERROR". */
    public List<String> getOtherStatuses() {
        if (capacity == null) {
            return List.of();
        }
        return capacity.workspaces().entrySet().stream()
                .filter(entry -> entry.getKey() != WorkspaceStatus.RUNNING && entry.getKey() != WorkspaceStatus.STOPPED)
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public String getFitSummary() {
        if (capacity == null) {
            return "";
        }
        return capacity.memoryFit().map(fit -> fit.byLimit() + " by memory · ").orElse("? by memory · ")
                + capacity.fitByPorts() + " by ports";
    }

    /** Says which memory figure the headline uses and why, so nobody mistakes it for the optimistic one. */
    public String getFitExplanation() {
        if (capacity == null) {
            return "";
        }
        if (capacity.memoryFit().isEmpty()) {
            return "Memory unknown while Docker does not answer. Ports: free ports / 2.";
        }
        var fit = capacity.memoryFit().get();
        String limit = Bytes.shown(fit.limitBytes());
        return "Memory: (host memory − " + capacity.running() + " running × " + limit + ") / " + limit
                + ", since each container may grow to its limit (kalpana.workspace.memory)."
                + fit.byMeasuredUse().map(n -> " At the measured average use of the running ones, " + n + " would fit.").orElse("")
                + " Ports: free ports / 2.";
    }

    public String getSampleInterval() {
        return sampleInterval.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    public String getChart() {
        return chart;
    }

    public int getChartSamples() {
        return chartSamples;
    }

    public AdminWorkspacesModel getWorkspaceTable() {
        return workspaceTable;
    }

    public AuditEventsModel getAuditTable() {
        return auditTable;
    }

    public List<String> getStatuses() {
        return Arrays.stream(WorkspaceStatus.values()).map(Enum::name).toList();
    }

    public String getUsername() {
        return caller.username().value();
    }

    public String getAuditActor() {
        return auditActor;
    }

    public void setAuditActor(String auditActor) {
        this.auditActor = auditActor;
    }

    public LocalDateTime getAuditFrom() {
        return auditFrom;
    }

    public void setAuditFrom(LocalDateTime auditFrom) {
        this.auditFrom = auditFrom;
    }

    public LocalDateTime getAuditTo() {
        return auditTo;
    }

    public void setAuditTo(LocalDateTime auditTo) {
        this.auditTo = auditTo;
    }
}
