package io.kalpana.port;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

import java.time.Instant;

/**
 * One host port held by one workspace. The port number is the document id, so the database's
 * always-unique id index makes a double grant impossible, across restarts and instances alike.
 */
@Entity(PortLease.COLLECTION)
public class PortLease {

    public static final String COLLECTION = "port_leases";

    @Id
    private int port;

    @Column
    private String workspaceId;

    @Column
    private String owner;

    @Column
    private PortPurpose purpose;

    @Column
    private Instant leasedAt;

    protected PortLease() {
    }

    public PortLease(HostPort port, String workspaceId, String owner, PortPurpose purpose, Instant leasedAt) {
        this.port = port.number();
        this.workspaceId = workspaceId;
        this.owner = owner;
        this.purpose = purpose;
        this.leasedAt = leasedAt;
    }

    public HostPort port() {
        return new HostPort(port);
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String owner() {
        return owner;
    }

    public PortPurpose purpose() {
        return purpose;
    }

    public Instant leasedAt() {
        return leasedAt;
    }
}
