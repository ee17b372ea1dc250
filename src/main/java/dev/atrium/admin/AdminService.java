package dev.atrium.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.atrium.auth.AccountService;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
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

    private final AccountService accounts;
    private final AuditLog audit;
    private final ProfileService profiles;

    AdminService(AccountService accounts, AuditLog audit, ProfileService profiles) {
        this.accounts = accounts;
        this.audit = audit;
        this.profiles = profiles;
    }

    @Transactional
    public User changeRole(String actor, String username, Role role) {
        User user = existing(username);
        if (user.role == role) {
            return user;
        }
        refuseSelf(actor, user, "self_role");
        if (role != Role.ADMINISTRATOR) {
            refuseLastAdministrator(user);
        }
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
        if (disabled) {
            refuseLastAdministrator(user);
        }
        accounts.setDisabled(user, disabled);
        audit.record(actor, disabled ? "account.disable" : "account.enable", user.username, null);
        return user;
    }

    /** What an administrator's edit of an account changes: its profile, role and confirmation. */
    public record AccountEdit(String realName, String location, String aboutMe, Role role, boolean confirmed) {
    }

    /**
     * Changes an account's profile, role and confirmation in one transaction, each change with its audit
     * entry; a refused part (one's own role or confirmation, the last administrator) changes nothing at all.
     */
    @Transactional
    public User edit(String actor, String username, AccountEdit edit) {
        User user = existing(username);
        if (user.role != edit.role()) {
            refuseSelf(actor, user, "self_role");
            if (edit.role() != Role.ADMINISTRATOR) {
                refuseLastAdministrator(user);
            }
        }
        if (user.confirmed && !edit.confirmed()) {
            refuseSelf(actor, user, "self_confirm");
            refuseLastAdministrator(user);
        }
        if (profiles.update(user.id, edit.realName(), edit.location(), edit.aboutMe())) {
            audit.record(actor, "profile.edit", user.username, null);
        }
        if (user.role != edit.role()) {
            Role before = user.role;
            accounts.setRole(user, edit.role());
            audit.record(actor, "role.change", user.username, before + " → " + edit.role());
        }
        if (user.confirmed != edit.confirmed()) {
            accounts.setConfirmed(user, edit.confirmed());
            audit.record(actor, edit.confirmed() ? "account.confirm" : "account.unconfirm", user.username, null);
        }
        return user;
    }

    /**
     * The account to change, with its row and every active administrator's row locked, in the order of their
     * ids: a change to the same account at the same moment (a password change, another administrator's action)
     * waits, and no two such changes can each hold a lock the other waits for.
     */
    private static User existing(String username) {
        String name = User.normalise(username);
        return User.<User> find("username = ?1 or (" + ACTIVE_ADMINISTRATORS.replace("?1", "?2") + ") order by id", name,
                Role.ADMINISTRATOR).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(user -> user.username.equals(name)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
    }

    private static void refuseSelf(String actor, User user, String message) {
        if (user.username.equals(actor)) {
            throw new RefusedException(message);
        }
    }

    /**
     * Refuses to take {@code user}'s administration away when no other active administrator would be left. The
     * active administrators' rows were locked with the account's ({@link #existing}), so a concurrent change of
     * the same kind waited for this transaction; the count is a new statement after the lock, so it sees what
     * such a change committed.
     */
    private static void refuseLastAdministrator(User user) {
        if (!isActiveAdministrator(user)) {
            return;
        }
        if (User.count(ACTIVE_ADMINISTRATORS + " and id <> ?2", Role.ADMINISTRATOR, user.id) == 0) {
            throw new RefusedException("last_admin");
        }
    }

    private static final String ACTIVE_ADMINISTRATORS = "role = ?1 and disabled = false and confirmed = true";

    private static boolean isActiveAdministrator(User user) {
        return user.role == Role.ADMINISTRATOR && !user.disabled && user.confirmed;
    }

    /** An action the site refuses (one's own account, the last administrator); the message is the admin bundle's key. */
    public static class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
