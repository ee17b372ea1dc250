package dev.atrium.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.atrium.auth.AccountService;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
import dev.atrium.web.ProblemException;

/**
 * What administrators do to accounts, each action with its audit entry in the same transaction. An
 * administrator cannot disable or demote their own account, so the last one cannot lock everyone out.
 */
@ApplicationScoped
public class AdminService {

    private final AccountService accounts;
    private final AuditLog audit;

    AdminService(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public User changeRole(String actor, String username, Role role) {
        User user = existing(username);
        if (user.role == role) {
            return user;
        }
        refuseSelf(actor, user, "self_role");
        Role before = user.role;
        accounts.setRole(user, role);
        audit.record(actor, "role.change", user.username, before + " → " + role);
        return user;
    }

    @Transactional
    public User setDisabled(String actor, String username, boolean disabled) {
        User user = existing(username);
        if (user.disabled == disabled) {
            return user;
        }
        refuseSelf(actor, user, "self_disable");
        accounts.setDisabled(user, disabled);
        audit.record(actor, disabled ? "account.disable" : "account.enable", user.username, null);
        return user;
    }

    private User existing(String username) {
        return accounts.byUsername(username)
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
    }

    private static void refuseSelf(String actor, User user, String message) {
        if (user.username.equals(actor)) {
            throw new SelfActionException(message);
        }
    }

    /** An administrator tried to demote or disable their own account; the message is the admin bundle's key. */
    public static class SelfActionException extends RuntimeException {
        SelfActionException(String message) {
            super(message, null, false, false);
        }
    }
}
