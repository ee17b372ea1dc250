package dev.atrium.social;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.auth.AccountDirectory;
import dev.atrium.auth.AccountView;
import dev.atrium.web.Page;
import dev.atrium.posts.PostService;
import dev.atrium.posts.PostView;
import dev.atrium.web.ProblemException;

/** Following: who follows whom, the lists and counts a profile shows, and the followed feed. */
@ApplicationScoped
public class FollowService {

    private static final Logger LOG = Logger.getLogger(FollowService.class);
    public static final int PEOPLE_PAGE_SIZE = 25;

    /**
     * The followed feed: the reader's own posts and those of everyone they follow, as one statement with a
     * subquery (answered by the follows primary key), not one query per author nor a list of ids sent back.
     */
    private static final String FOLLOWED_FEED = "authorId = :reader"
            + " or authorId in (select f.followedId from Follow f where f.followerId = :reader)";

    private final AccountDirectory accounts;
    private final PostService posts;
    private final Clock clock = Clock.systemUTC();

    FollowService(AccountDirectory accounts, PostService posts) {
        this.accounts = accounts;
        this.posts = posts;
    }

    /** The account a profile's address names; a missing or disabled one is a 404. */
    public AccountView existing(String username) {
        return accounts.byUsername(username).filter(user -> !user.disabled())
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
    }

    /**
     * {@code followerId} follows {@code username}. Following twice is no error and records one row: the insert
     * does nothing when the row is there, so two clicks racing each other cannot fail either.
     */
    @Transactional
    public void follow(long followerId, String username) {
        AccountView followed = existing(username);
        if (followed.id() == followerId) {
            throw new ProblemException(400, "You cannot follow yourself.");
        }
        Follow.getEntityManager().createNativeQuery("insert into follows (follower_id, followed_id, created_at)"
                + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, followerId).setParameter(2, followed.id())
                .setParameter(3, clock.instant().truncatedTo(ChronoUnit.MILLIS)).executeUpdate();
        LOG.debugf("Account %d follows %d", followerId, followed.id());
    }

    /** Stops following; unfollowing someone one does not follow changes nothing and is no error. */
    @Transactional
    public void unfollow(long followerId, String username) {
        AccountView followed = existing(username);
        if (followed.id() == followerId) {
            throw new ProblemException(400, "You cannot unfollow yourself.");
        }
        Follow.delete("followerId = ?1 and followedId = ?2", followerId, followed.id());
    }

    @Transactional
    public boolean isFollowing(long followerId, long followedId) {
        return Follow.count("followerId = ?1 and followedId = ?2", followerId, followedId) > 0;
    }

    @Transactional
    public long followerCount(long userId) {
        return Follow.count("followedId", userId);
    }

    @Transactional
    public long followingCount(long userId) {
        return Follow.count("followerId", userId);
    }

    /** Who follows {@code userId}, most recent first. */
    @Transactional
    public Page<Person> followers(long userId, int number) {
        return people("followerId", "followedId", userId, number);
    }

    /** Whom {@code userId} follows, most recent first. */
    @Transactional
    public Page<Person> following(long userId, int number) {
        return people("followedId", "followerId", userId, number);
    }

    /** The reader's followed feed, newest first (see {@link #FOLLOWED_FEED}). */
    public Page<PostView> feed(long readerId, int number) {
        return posts.where(FOLLOWED_FEED, Map.of("reader", readerId), number);
    }

    private Page<Person> people(String shown, String owner, long userId, int number) {
        long total = Follow.count(owner, userId);
        List<Tuple> rows = Follow.getEntityManager()
                .createQuery("select f." + shown + ", f.createdAt from Follow f where f." + owner + " = :user"
                        + " order by f.createdAt desc, f." + shown, Tuple.class)
                .setParameter("user", userId)
                .setFirstResult((number - 1) * PEOPLE_PAGE_SIZE).setMaxResults(PEOPLE_PAGE_SIZE).getResultList();
        // the names in one query (or from the cache), not one per row
        Map<Long, String> names = accounts.usernames(rows.stream().map(row -> row.get(0, Long.class)).toList());
        List<Person> people = rows.stream()
                .map(row -> new Person(names.getOrDefault(row.get(0, Long.class), "?"), row.get(1, Instant.class))).toList();
        return new Page<>(people, number, PEOPLE_PAGE_SIZE, total);
    }
}
