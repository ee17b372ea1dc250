package dev.atrium.auth;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in account, as other features ask about it: its id, its username and whether it holds a
 * permission, read from the request's {@link SecurityIdentity} (which {@link AccountIdentityProvider} and
 * {@link ApiTokenIdentityProvider} build as the account is now). No query: templates may ask on the event loop.
 */
public final class CurrentAccount {

    /** The identity attributes this package sets, and only this class reads. */
    static final String USER_ID = "atrium.user-id";
    static final String CONFIRMED = "atrium.confirmed";

    private CurrentAccount() {
    }

    /** The account's id; null when anonymous. */
    public static Long id(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() || !(identity.getAttribute(USER_ID) instanceof Long id) ? null : id;
    }

    /** The account's id when a person signed in to the site sent the request, not a script with an API token; else null. */
    public static Long sessionId(SecurityIdentity identity) {
        Long id = id(identity);
        return id != null && identity.getAttribute(ApiTokenIdentityProvider.SCOPE) == null ? id : null;
    }

    /** The account's username; null when anonymous. */
    public static String username(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /**
     * Whether the account holds a permission, answered from its role and confirmation without the (possibly
     * asynchronous) permission checker. Anonymous visitors and unconfirmed accounts hold none.
     */
    public static boolean holds(SecurityIdentity identity, Permission permission) {
        return identity != null && !identity.isAnonymous() && isConfirmed(identity)
                && identity.getRoles().stream().anyMatch(role -> Role.valueOf(role).can(permission));
    }

    /** Signed in with an address not confirmed yet. */
    static boolean isUnconfirmed(SecurityIdentity identity) {
        return !identity.isAnonymous() && Boolean.FALSE.equals(identity.getAttribute(CONFIRMED));
    }

    private static boolean isConfirmed(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(CONFIRMED));
    }
}
