package dev.atrium.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import dev.atrium.cache.CachedValues;
import dev.atrium.web.Page;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.panache.common.Sort;

/**
 * Looking accounts up, for the features that show who wrote what or whose profile this is: names by id, an
 * account by its username, a search. Other features ask this class; they never query {@link User} themselves,
 * and get {@link AccountView}s, never the entity.
 */
@ApplicationScoped
public class AccountDirectory {

    private static final String USERNAMES = "usernames";

    private final Cache usernameCache;

    AccountDirectory(@CacheName(USERNAMES) Cache usernameCache) {
        this.usernameCache = usernameCache;
    }

    /**
     * Usernames of these accounts; unknown ids are left out. A username never changes once registered and an
     * id is never reused, so a name read once is kept (in a size-bounded cache, the same on every replica) and
     * only ids not seen before cost a query: one for all of them, reading just the two columns.
     */
    @Transactional
    public Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> unseen = new ArrayList<>();
        for (Long id : new HashSet<>(ids)) {
            CachedValues.<String> ifPresent(usernameCache, id).ifPresentOrElse(name -> names.put(id, name), () -> unseen.add(id));
        }
        if (!unseen.isEmpty()) {
            User.getEntityManager().createQuery("select u.id, u.username from User u where u.id in :ids", Tuple.class)
                    .setParameter("ids", unseen).getResultList().forEach(row -> {
                        Long id = row.get(0, Long.class);
                        String name = row.get(1, String.class);
                        CachedValues.put(usernameCache, id, name);
                        names.put(id, name);
                    });
        }
        return names;
    }

    /** The account with this username (any case), disabled or not. */
    @Transactional
    public Optional<AccountView> byUsername(String username) {
        return User.findByUsername(username).map(AccountView::of);
    }

    /** Accounts whose username or email contains {@code query} (all when blank), by username. */
    @Transactional
    public Page<AccountView> search(String query, int page, int size) {
        String q = query == null ? "" : User.normalise(query);
        var found = q.isEmpty() ? User.<User> findAll(Sort.by("username"))
                : User.<User> find("username like ?1 or email like ?1", Sort.by("username"), "%" + likeEscaped(q) + "%");
        long total = found.count();
        return new Page<>(found.page(page - 1, size).<User> list().stream().map(AccountView::of).toList(), page, size, total);
    }

    /** The entity, for this package's own pages that change the account. */
    @Transactional
    Optional<User> account(String username) {
        return User.findByUsername(username);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
