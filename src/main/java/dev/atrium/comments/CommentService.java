package dev.atrium.comments;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.admin.AuditLog;
import dev.atrium.auth.AccountDirectory;
import dev.atrium.web.Page;
import dev.atrium.posts.PostService;
import dev.atrium.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;

/**
 * Comments: writing, deleting, hiding and listing them. Every change tells the posts feature
 * ({@link PostService#commentsChanged}) in the same transaction, which keeps the post's count and retires
 * the pages held of it and of the index. The {@code moderator} flag of the reads says whether the reader is
 * shown the text of hidden comments.
 */
@ApplicationScoped
public class CommentService {

    private static final Logger LOG = Logger.getLogger(CommentService.class);
    /** A post's comments to a page; the post's page shows one page of them. */
    public static final int PAGE_SIZE = 50;
    /** The recent comments of the whole site, to a page (/moderate, /api/v1/comments). */
    public static final int RECENT_PAGE_SIZE = 25;
    private static final Sort OLDEST_FIRST = Sort.ascending("createdAt", "id");
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    private final PostService posts;
    private final AccountDirectory accounts;
    private final AuditLog audit;
    private final CommentMarkdown markdown;
    private final Counter written;
    private final Clock clock = Clock.systemUTC();

    CommentService(PostService posts, AccountDirectory accounts, AuditLog audit, CommentMarkdown markdown, MeterRegistry registry) {
        this.posts = posts;
        this.accounts = accounts;
        this.audit = audit;
        this.markdown = markdown;
        this.written = Counter.builder("atrium.comments.written").description("Comments written").register(registry);
    }

    /** Where a new comment is: its view, and the page of its post's comments it is on (the last). */
    public record Written(CommentView comment, int page) {
    }

    /** Page {@code number} of post {@code postId}'s comments, oldest first. Empty when there is no such post. */
    @Transactional
    public Optional<Page<CommentView>> forPost(long postId, int number, boolean moderator) {
        return posts.get(postId).map(post -> forPost(postId, post.title(), post.comments(), number, moderator));
    }

    /** As above, for a post already read: its count is the total, so the page costs one query and the authors' names. */
    @Transactional
    public Page<CommentView> forPost(long postId, String title, long total, int number, boolean moderator) {
        if (total == 0) {
            return new Page<>(List.of(), number, PAGE_SIZE, 0);
        }
        List<Comment> comments = Comment.<Comment> find("postId", OLDEST_FIRST, postId).page(number - 1, PAGE_SIZE).list();
        return new Page<>(views(comments, Map.of(postId, title), moderator), number, PAGE_SIZE, total);
    }

    /** The site's comments, newest first. */
    @Transactional
    public Page<CommentView> recent(int number, boolean moderator) {
        long total = Comment.count();
        List<Comment> comments = Comment.<Comment> findAll(NEWEST_FIRST).page(number - 1, RECENT_PAGE_SIZE).list();
        Map<Long, String> titles = posts.titles(comments.stream().map(comment -> comment.postId).collect(Collectors.toSet()));
        return new Page<>(views(comments, titles, moderator), number, RECENT_PAGE_SIZE, total);
    }

    @Transactional
    public Optional<CommentView> get(long id, boolean moderator) {
        return Comment.<Comment> findByIdOptional(id).map(comment -> one(comment, moderator));
    }

    /** Adds a comment (already checked: 1 to 2,000 characters); 404 when there is no such post. */
    @Transactional
    public Written add(long postId, long authorId, String body) {
        // first, so that a post deleted at the same moment either waits for this or is gone: never a comment without its post
        if (!posts.commentsChanged(postId, 1)) {
            throw noPost(postId);
        }
        Comment comment = new Comment();
        comment.postId = postId;
        comment.authorId = authorId;
        comment.body = body;
        comment.html = markdown.toSafeHtml(body);
        comment.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        comment.persistAndFlush();
        long before = Comment.count("postId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))", postId, comment.createdAt, comment.id);
        written.increment();
        LOG.infof("Account %d commented on post %d (comment %d)", authorId, postId, comment.id);
        return new Written(one(comment, false), (int) (before / PAGE_SIZE) + 1);
    }

    /** Deletes comment {@code id}; its post's id, or empty when there was no such comment. Who may is the caller's to check. */
    @Transactional
    public Optional<Long> delete(long id) {
        return Comment.<Comment> findByIdOptional(id).map(comment -> {
            posts.commentsChanged(comment.postId, -1);
            comment.delete();
            LOG.infof("Comment %d on post %d deleted by its author", id, comment.postId);
            return comment.postId;
        });
    }

    /** Hides or shows comment {@code id} again, in the audit log under {@code moderator}'s name; empty when there is no such comment. */
    @Transactional
    public Optional<CommentView> setHidden(long id, boolean hidden, String moderator) {
        return Comment.<Comment> findByIdOptional(id).map(comment -> {
            if (comment.hidden != hidden) {
                comment.hidden = hidden;
                posts.commentsChanged(comment.postId, 0);
            }
            CommentView view = one(comment, true);
            // recorded even when nothing changed: the log says what each moderator did, not only what it changed
            audit.record(moderator, hidden ? "comment.hide" : "comment.show", "comment " + id,
                    "by " + view.author() + " on post " + comment.postId);
            return view;
        });
    }

    static ProblemException noPost(long postId) {
        return new ProblemException(404, "There is no post " + postId + ".");
    }

    private CommentView one(Comment comment, boolean moderator) {
        return views(List.of(comment), posts.titles(Set.of(comment.postId)), moderator).get(0);
    }

    private List<CommentView> views(List<Comment> comments, Map<Long, String> titles, boolean moderator) {
        Map<Long, String> authors = accounts.usernames(comments.stream().map(comment -> comment.authorId).toList());
        return comments.stream().map(comment -> {
            boolean shown = !comment.hidden || moderator;
            return new CommentView(comment.id, comment.postId, titles.getOrDefault(comment.postId, "?"),
                    authors.getOrDefault(comment.authorId, "?"), comment.authorId, shown ? comment.body : null,
                    shown ? comment.html : null, comment.hidden, comment.createdAt);
        }).toList();
    }
}
