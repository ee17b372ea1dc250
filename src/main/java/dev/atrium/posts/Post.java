package dev.atrium.posts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A blog post. The author is kept as an account id: posts ask the accounts feature who that is, rather
 * than mapping its entity. Its comments belong to the comments feature, which keeps their count here.
 */
@Entity
@Table(name = "posts")
class Post extends PanacheEntityBase {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** How many comments the post has, moved only by {@link PostService#commentsChanged}. */
    @Column(name = "comment_count", nullable = false)
    public int commentCount;

    /** When a comment of the post was last added, hidden, shown or deleted; null while none ever was. */
    @Column(name = "comments_changed_at")
    public Instant commentsChangedAt;
}
