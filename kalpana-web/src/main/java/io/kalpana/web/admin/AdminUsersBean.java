package io.kalpana.web.admin;

import io.kalpana.web.problem.PageMessages;
import io.kalpana.identity.Caller;
import io.kalpana.identity.NewUser;
import io.kalpana.identity.Role;
import io.kalpana.identity.User;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.quota.Quota;
import io.kalpana.quota.QuotaService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The console's users section: accounts with roles, creating one, and each person's quota. */
@Named
@ViewScoped
public class AdminUsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserService users;

    @Inject
    transient QuotaService quotas;

    @Inject
    transient Caller caller;

    private List<UserRowView> rows = List.of();
    private String newUsername;
    private String newPassword;
    private String newDisplayName;
    private boolean newAdmin;
    private String quotaUser;
    private Integer quotaMaxRunning;
    private Integer quotaMaxTotal;

    @PostConstruct
    public void load() {
        try {
            List<UserRowView> loaded = new ArrayList<>();
            for (User user : users.list()) {
                loaded.add(new UserRowView(user, quotas.effectiveFor(user.username()), quotas.override(user.username()).isPresent()));
            }
            loaded.sort(Comparator.comparing(UserRowView::getUsername));
            rows = loaded;
            if (quotaUser == null && !rows.isEmpty()) {
                // The menu shows its first person as chosen; the limits beside it must be that person's, not blank.
                pick(rows.get(0).getUsername());
            }
        } catch (RuntimeException e) {
            PageMessages.failed("listing users", e);
        }
    }

    public void create() {
        try {
            Set<Role> roles = newAdmin ? EnumSet.of(Role.USER, Role.ADMIN) : EnumSet.of(Role.USER);
            User created = users.create(caller.username(), new NewUser(Username.of(newUsername), newDisplayName, null,
                    newPassword, roles));
            PageMessages.info("Account '" + created.username() + "' created");
            newUsername = null;
            newPassword = null;
            newDisplayName = null;
            newAdmin = false;
            load();
        } catch (RuntimeException e) {
            PageMessages.failed("creating a user", e);
        }
    }

    /** Fills the quota form with the chosen person's current quota. */
    public void pick(String username) {
        rows.stream().filter(row -> row.getUsername().equals(username)).findFirst().ifPresent(row -> {
            quotaUser = row.getUsername();
            quotaMaxRunning = row.getMaxRunning();
            quotaMaxTotal = row.getMaxTotal();
        });
    }

    public void saveQuota() {
        try {
            if (quotaMaxRunning == null || quotaMaxTotal == null) {
                throw io.kalpana.problem.KalpanaException.invalid("missing_quota", "Enter both limits, or use the defaults");
            }
            Username user = Username.of(quotaUser);
            quotas.override(caller, user, Optional.of(new Quota(quotaMaxRunning, quotaMaxTotal)));
            PageMessages.info(user + " may now run " + quotaMaxRunning + " and have " + quotaMaxTotal + " workspaces");
            load();
        } catch (RuntimeException e) {
            PageMessages.failed("saving a quota", e);
        }
    }

    public void resetQuota() {
        try {
            Username user = Username.of(quotaUser);
            quotas.override(caller, user, Optional.empty());
            Quota now = quotas.effectiveFor(user);
            quotaMaxRunning = now.maxRunning();
            quotaMaxTotal = now.maxTotal();
            PageMessages.info(user + " has the default quota again");
            load();
        } catch (RuntimeException e) {
            PageMessages.failed("resetting a quota", e);
        }
    }

    public List<UserRowView> getRows() {
        return rows;
    }

    public List<String> getUsernames() {
        return rows.stream().map(UserRowView::getUsername).toList();
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public boolean isNewAdmin() {
        return newAdmin;
    }

    public void setNewAdmin(boolean newAdmin) {
        this.newAdmin = newAdmin;
    }

    public String getQuotaUser() {
        return quotaUser;
    }

    public void setQuotaUser(String quotaUser) {
        this.quotaUser = quotaUser;
    }

    public Integer getQuotaMaxRunning() {
        return quotaMaxRunning;
    }

    public void setQuotaMaxRunning(Integer quotaMaxRunning) {
        this.quotaMaxRunning = quotaMaxRunning;
    }

    public Integer getQuotaMaxTotal() {
        return quotaMaxTotal;
    }

    public void setQuotaMaxTotal(Integer quotaMaxTotal) {
        this.quotaMaxTotal = quotaMaxTotal;
    }
}
