package dev.atrium.social;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One account following another. Both are account ids, as posts keep their author: this feature asks the
 * accounts feature who they are. Rows are written with plain SQL (see {@link FollowService#follow}); the
 * entity is for reading, and for the followed feed's subquery.
 */
@Entity
@Table(name = "follows")
@IdClass(Follow.Key.class)
class Follow extends PanacheEntityBase {

    @Id
    @Column(name = "follower_id")
    public Long followerId;

    @Id
    @Column(name = "followed_id")
    public Long followedId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The composite key, as JPA wants it: a serialisable class with equality by value. */
    public static class Key implements Serializable {
        public Long followerId;
        public Long followedId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(followerId, key.followerId) && Objects.equals(followedId, key.followedId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(followerId, followedId);
        }
    }
}
