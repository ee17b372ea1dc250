package dev.atrium.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * What an administrator may change on an account: its role, its confirmation, whether it is disabled. The
 * policy (not one's own account, never the last administrator) is the admin feature's; this class does the
 * changes and the locking that policy relies on, all in the caller's transaction.
 */
@ApplicationScoped
public class AccountAdministration {

    private static final Logger LOG = Logger.getLogger(AccountAdministration.class);
    private static final String ACTIVE_ADMINISTRATORS = "role = ?1 and disabled = false and confirmed = true";

    /**
     * The account to change, with its row and every active administrator's row locked, in the order of their
     * ids: a change to the same account at the same moment (a password change, another administrator's action)
     * waits, and no two such changes can each hold a lock the other waits for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AccountView> lockWithAdministrators(String username) {
        String name = User.normalise(username);
        return User.<User> find("username = ?1 or (" + ACTIVE_ADMINISTRATORS.replace("?1", "?2") + ") order by id", name,
                Role.ADMINISTRATOR).withLock(LockModeType.PESSIMISTIC_WRITE).<User> list().stream()
                .filter(user -> user.username.equals(name)).findFirst().map(AccountView::of);
    }

    /**
     * How many active administrators there are besides this account. Counted by a new statement, so after
     * {@link #lockWithAdministrators} it sees what a concurrent change that held those locks committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long otherActiveAdministrators(long accountId) {
        return User.count(ACTIVE_ADMINISTRATORS + " and id <> ?2", Role.ADMINISTRATOR, accountId);
    }

    /** Gives an account a new role; its next request has the new permissions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setRole(long accountId, Role role) {
        User user = User.<User> findByIdOptional(accountId).orElseThrow();
        user.role = role;
        LOG.infof("Account %d is now %s", user.id, role);
    }

    /** Marks an account's address confirmed or not; an unconfirmed account holds no permission from its next request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setConfirmed(long accountId, boolean confirmed) {
        User user = User.<User> findByIdOptional(accountId).orElseThrow();
        user.confirmed = confirmed;
        LOG.infof("Account %d is now %s", user.id, confirmed ? "confirmed" : "unconfirmed");
    }

    /**
     * Disables or re-enables an account; a disabled one loses its sessions and API tokens at their next use.
     * Its sessions stay ended when it is enabled again (a new session version); its tokens work again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setDisabled(long accountId, boolean disabled) {
        User user = User.<User> findByIdOptional(accountId).orElseThrow();
        user.disabled = disabled;
        if (disabled) {
            user.sessionVersion++;
        }
        LOG.infof("Account %d %s", user.id, disabled ? "disabled" : "enabled");
    }
}
