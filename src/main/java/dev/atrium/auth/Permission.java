package dev.atrium.auth;

/** What a role allows. Resources ask for permissions, never for roles, so roles can change shape. */
public enum Permission {
    /** Write posts of one's own. */
    WRITE,
    /** Edit or hide other people's content. */
    MODERATE,
    /** Manage user accounts. */
    ADMINISTER;

    /** The permission's name as security annotations use it: {@code @PermissionsAllowed("write")}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
