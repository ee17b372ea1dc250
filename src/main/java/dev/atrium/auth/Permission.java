package dev.atrium.auth;

/** What a role allows. Resources ask for permissions, never for roles, so roles can change shape. */
public enum Permission {
    /** Follow other users and read the feed of their posts. */
    FOLLOW,
    /** Comment under posts. */
    COMMENT,
    /** Write posts of one's own. */
    WRITE,
    /** Edit other people's posts and hide or show any comment. */
    MODERATE,
    /** Manage user accounts. */
    ADMINISTER;

    /** The permission's name as security annotations use it: {@code @PermissionsAllowed("write")}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
