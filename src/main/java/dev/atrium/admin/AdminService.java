package dev.atrium.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.atrium.auth.AccountAdministration;
import dev.atrium.auth.AccountView;
import dev.atrium.auth.Role;
import dev.atrium.social.ProfileService;
import dev.atrium.web.ProblemException;

/**
 * What administrators do to accounts, each action with its audit entry in the same transaction. An
 * administrator cannot disable or demote their own account, and no change may leave the site without an
 * active administrator: two administrators demoting each other at the same moment would otherwise both
 * succeed (see {@link #refuseLastAdministrator}).
 */
@ApplicationScoped
public class AdminService {

    private final AccountAdministration accounts;
    private final AuditLog audit;
    private final ProfileService profiles;

    AdminService(AccountAdministration accounts, AuditLog audit, ProfileService profiles) {
        this.accounts = accounts;
        this.audit = audit;
        this.profiles = profiles;
    }

    @Transactional
    public void changeRole(String actor, String username, Role role) {
        AccountView user = existing(username);
        if (user.role() == role) {
            return;
        }
        refuseSelf(actor, user, "self_role");
        if (role != Role.ADMINISTRATOR) {
            refuseLastAdministrator(user);
        }
        accounts.setRole(user.id(), role);
        audit.record(actor, "role.change", user.username(), user.role() + " → " + role);
    }

    @Transactional
    public void setDisabled(String actor, String username, boolean disabled) {
        AccountView user = existing(username);
        if (user.disabled() == disabled) {
            return;
        }
        refuseSelf(actor, user, "self_disable");
        if (disabled) {
            refuseLastAdministrator(user);
        }
        accounts.setDisabled(user.id(), disabled);
        audit.record(actor, disabled ? "account.disable" : "account.enable", user.username(), null);
    }

    /** What an administrator's edit of an account changes: its profile, role and confirmation. */
    public record AccountEdit(String realName, String location, String aboutMe, Role role, boolean confirmed) {
    }

    /**
     * Changes an account's profile, role and confirmation in one transaction, each change with its audit
     * entry; a refused part (one's own role or confirmation, the last administrator) changes nothing at all.
     */
    @Transactional
    public void edit(String actor, String username, AccountEdit edit) {
        AccountView user = existing(username);
        if (user.role() != edit.role()) {
            refuseSelf(actor, user, "self_role");
            if (edit.role() != Role.ADMINISTRATOR) {
                refuseLastAdministrator(user);
            }
        }
        if (user.confirmed() && !edit.confirmed()) {
            refuseSelf(actor, user, "self_confirm");
            refuseLastAdministrator(user);
        }
        if (profiles.update(user.id(), edit.realName(), edit.location(), edit.aboutMe())) {
            audit.record(actor, "profile.edit", user.username(), null);
        }
        if (user.role() != edit.role()) {
            accounts.setRole(user.id(), edit.role());
            audit.record(actor, "role.change", user.username(), user.role() + " → " + edit.role());
        }
        if (user.confirmed() != edit.confirmed()) {
            accounts.setConfirmed(user.id(), edit.confirmed());
            audit.record(actor, edit.confirmed() ? "account.confirm" : "account.unconfirm", user.username(), null);
        }
    }

    /**
     * The account to change, with its row and every active administrator's row locked (see
     * {@link AccountAdministration#lockWithAdministrators}), as it was when locked.
     */
    private AccountView existing(String username) {
        return accounts.lockWithAdministrators(username)
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
    }

    private static void refuseSelf(String actor, AccountView user, String message) {
        if (user.username().equals(actor)) {
            throw new RefusedException(message);
        }
    }

    /**
     * Refuses to take {@code user}'s administration away when no other active administrator would be left. The
     * active administrators' rows were locked with the account's ({@link #existing}), so a concurrent change of
     * the same kind waited for this transaction; the count is a new statement after the lock, so it sees what
     * such a change committed.
     */
    private void refuseLastAdministrator(AccountView user) {
        if (!isActiveAdministrator(user)) {
            return;
        }
        if (accounts.otherActiveAdministrators(user.id()) == 0) {
            throw new RefusedException("last_admin");
        }
    }

    private static boolean isActiveAdministrator(AccountView user) {
        return user.role() == Role.ADMINISTRATOR && !user.disabled() && user.confirmed();
    }

    /** An action the site refuses (one's own account, the last administrator); the message is the admin bundle's key. */
    public static class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
