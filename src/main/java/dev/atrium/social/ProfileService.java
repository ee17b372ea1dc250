package dev.atrium.social;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.atrium.posts.MarkdownRenderer;
import dev.atrium.web.ProblemException;

/** Profiles: what a profile page shows, and changes to one's own (or, for administrators, anyone's). */
@ApplicationScoped
public class ProfileService {

    private final MarkdownRenderer markdown;
    private final FollowService follows;

    ProfileService(MarkdownRenderer markdown, FollowService follows) {
        this.markdown = markdown;
        this.follows = follows;
    }

    /** The profile of an enabled account; 404 otherwise. */
    @Transactional
    public ProfileView view(String username) {
        Profile profile = Profile.<Profile> find("username", username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .firstResultOptional().filter(p -> !p.disabled)
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
        return view(profile);
    }

    @Transactional
    public ProfileView view(long userId) {
        return view(Profile.<Profile> findByIdOptional(userId).orElseThrow(() -> new ProblemException(404, "There is no such user.")));
    }

    private ProfileView view(Profile profile) {
        return new ProfileView(profile.id, profile.username, profile.realName, profile.location, profile.aboutMe,
                profile.aboutMe == null ? "" : markdown.toSafeHtml(profile.aboutMe), seconds(profile.createdAt), seconds(profile.lastSeen),
                follows.followerCount(profile.id), follows.followingCount(profile.id));
    }

    /**
     * Stores checked values (see {@link ProfileForm}); blank ones clear the field. Joins the caller's
     * transaction, so an administrator's edit and its audit entry commit together. Answers whether anything changed.
     */
    @Transactional
    public boolean update(long userId, String realName, String location, String aboutMe) {
        Profile profile = Profile.<Profile> findByIdOptional(userId).orElseThrow(() -> new ProblemException(404, "There is no such user."));
        String name = blankAsNull(realName);
        String place = blankAsNull(location);
        String about = blankAsNull(aboutMe);
        boolean changed = !java.util.Objects.equals(name, profile.realName) || !java.util.Objects.equals(place, profile.location)
                || !java.util.Objects.equals(about, profile.aboutMe);
        profile.realName = name;
        profile.location = place;
        profile.aboutMe = about;
        return changed;
    }

    /** To the second: HTML's datetime takes at most three digits of a fraction, and nobody needs more. */
    private static java.time.Instant seconds(java.time.Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
