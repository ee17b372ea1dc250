package dev.atrium.social;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Profiles' and following's texts in English; Chinese in {@code messages/social_zh_CN.properties}. */
@MessageBundle(value = "social", locale = "en")
public interface SocialMessages {

    @Message("{name}'s profile picture")
    String avatar_alt(String name);

    @Message("Location")
    String location();

    @Message("Member since")
    String member_since();

    @Message("Last seen")
    String last_seen();

    @Message("Followers: {count}")
    String followers_count(long count);

    @Message("Following: {count}")
    String following_count(long count);

    @Message("Follow")
    String follow();

    @Message("Unfollow")
    String unfollow();

    @Message("Follows you")
    String follows_you();

    @Message("Edit your profile")
    String edit_own();

    @Message("Edit this account")
    String edit_other();

    @Message("Posts")
    String posts();

    @Message("People following {name}")
    String followers_title(String name);

    @Message("People {name} follows")
    String following_title(String name);

    @Message("Nobody yet.")
    String nobody();

    @Message("Back to {name}'s profile")
    String back(String name);

    @Message("Your profile")
    String settings_title();

    @Message("What others see on your profile page. All fields are optional.")
    String settings_text();

    @Message("Real name")
    String real_name_field();

    @Message("Location")
    String location_field();

    @Message("About me")
    String about_field();

    @Message("Markdown: emphasis, lists, links and quotes. At most 2,000 characters.")
    String about_hint();

    @Message("Save profile")
    String save();

    @Message("Your profile was saved.")
    String saved();

    @Message("Keep the real name to at most 64 characters.")
    String error_real_name();

    @Message("Keep the location to at most 64 characters.")
    String error_location();

    @Message("Keep “about me” to at most 2,000 characters.")
    String error_about();

    @Message("Posts")
    String tabs_label();

    @Message("All posts")
    String tab_all();

    @Message("Following")
    String tab_following();

    @Message("Nothing here yet: follow people from their profiles to see their posts here.")
    String feed_empty();
}
