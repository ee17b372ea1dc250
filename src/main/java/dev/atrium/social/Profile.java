package dev.atrium.social;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The profile's columns of an account's row (V12): this feature's view of the {@code users} table, so it
 * keeps its own fields without the accounts feature knowing them. It never creates or deletes a row, and
 * updates write only the columns they change, so an edit here and a change of the account at the same
 * moment do not undo each other. {@code last_seen} is written only by {@link LastSeen}'s conditional update.
 */
@Entity(name = "Profile")
@Table(name = "users")
@DynamicUpdate
public class Profile extends PanacheEntityBase {

    public static final int REAL_NAME_MAX = 64;
    public static final int LOCATION_MAX = 64;
    public static final int ABOUT_MAX = 2000;

    @Id
    public Long id;

    @Column(insertable = false, updatable = false)
    public String username;

    @Column(name = "real_name", length = REAL_NAME_MAX)
    public String realName;

    @Column(length = LOCATION_MAX)
    public String location;

    @Column(name = "about_me", length = ABOUT_MAX)
    public String aboutMe;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_seen", insertable = false, updatable = false)
    public Instant lastSeen;

    @Column(insertable = false, updatable = false)
    public boolean disabled;
}
