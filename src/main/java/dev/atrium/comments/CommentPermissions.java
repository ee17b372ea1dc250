package dev.atrium.comments;

import dev.atrium.auth.CurrentAccount;
import dev.atrium.auth.Permission;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may do what with comments: write with the comment permission, delete one's own, moderate with moderate. */
public final class CommentPermissions {

    private CommentPermissions() {
    }

    public static boolean canComment(SecurityIdentity identity) {
        return CurrentAccount.holds(identity, Permission.COMMENT);
    }

    public static boolean canModerate(SecurityIdentity identity) {
        return CurrentAccount.holds(identity, Permission.MODERATE);
    }

    /** Its author, signed in: whatever their role now, a comment stays theirs to take back. */
    public static boolean canDelete(SecurityIdentity identity, CommentView comment) {
        Long id = userId(identity);
        return id != null && id == comment.authorId();
    }

    public static Long userId(SecurityIdentity identity) {
        return CurrentAccount.id(identity);
    }
}
