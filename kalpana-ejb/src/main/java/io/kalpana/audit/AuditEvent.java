package io.kalpana.audit;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

import java.time.Instant;

/** One security-relevant action: who did it, what, to what, and when. */
@Entity("audit_events")
public class AuditEvent {

    @Id
    private String id;

    @Column
    private Instant at;

    @Column
    private String actor;

    @Column
    private String action;

    @Column
    private String target;

    @Column
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(String id, Instant at, String actor, String action, String target, String detail) {
        this.id = id;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }
}
