package io.kalpana.web.admin;

import io.kalpana.identity.Role;
import io.kalpana.identity.User;
import io.kalpana.quota.Quota;

import java.io.Serializable;
import java.util.stream.Collectors;

/** A line of the users table: the account, its roles and the quota that applies to it. */
public class UserRowView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final String roles;
    private final String createdAt;
    private final int maxRunning;
    private final int maxTotal;
    private final boolean customQuota;

    UserRowView(User user, Quota quota, boolean customQuota) {
        this.username = user.username().value();
        this.displayName = user.displayName() == null ? "" : user.displayName();
        this.roles = user.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(", "));
        this.createdAt = WorkspaceRowView.SHOWN.format(user.createdAt());
        this.maxRunning = quota.maxRunning();
        this.maxTotal = quota.maxTotal();
        this.customQuota = customQuota;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getRoles() {
        return roles;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public int getMaxRunning() {
        return maxRunning;
    }

    public int getMaxTotal() {
        return maxTotal;
    }

    public boolean isCustomQuota() {
        return customQuota;
    }
}
