package dev.atrium.comments;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A comment under a post. The post and the author are kept as ids: comments ask the posts and accounts
 * features about them through their services, rather than mapping their entities. The HTML is made once,
 * when the comment is written.
 */
@Entity
@Table(name = "comments")
public class Comment extends PanacheEntityBase {

    public static final int BODY_MAX = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public Long postId;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(nullable = false, length = BODY_MAX)
    public String body;

    @Column(nullable = false, columnDefinition = "text")
    public String html;

    /** Hidden by a moderator: readers see a note instead of the text, moderators the text, marked. */
    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
