package dev.atrium.posts;

import dev.atrium.auth.CurrentAccount;
import dev.atrium.auth.Permission;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may change a post: its author (while allowed to write), moderators edit any, administrators delete any. */
public final class PostPermissions {

    private PostPermissions() {
    }

    public static boolean canEdit(SecurityIdentity identity, PostView post) {
        return has(identity, Permission.MODERATE) || isAuthor(identity, post);
    }

    public static boolean canDelete(SecurityIdentity identity, PostView post) {
        return has(identity, Permission.ADMINISTER) || isAuthor(identity, post);
    }

    public static Long userId(SecurityIdentity identity) {
        return CurrentAccount.id(identity);
    }

    private static boolean isAuthor(SecurityIdentity identity, PostView post) {
        Long id = userId(identity);
        return id != null && id == post.authorId() && has(identity, Permission.WRITE);
    }

    private static boolean has(SecurityIdentity identity, Permission permission) {
        return CurrentAccount.holds(identity, permission);
    }
}
