package dev.atrium.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the seed's flasky lineage, each a set of permissions. Accounts store the role's name, and
 * what a role allows lives only here: giving a role a new permission needs no migration of the accounts.
 */
public enum Role {
    USER(EnumSet.of(Permission.FOLLOW, Permission.COMMENT, Permission.WRITE)),
    MODERATOR(EnumSet.of(Permission.FOLLOW, Permission.COMMENT, Permission.WRITE, Permission.MODERATE)),
    ADMINISTRATOR(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
