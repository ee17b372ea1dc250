package dev.atrium.auth;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the seed's flasky lineage, each a set of permissions. */
public enum Role {
    USER(EnumSet.of(Permission.WRITE)),
    MODERATOR(EnumSet.of(Permission.WRITE, Permission.MODERATE)),
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
