package dev.atrium.social;

import jakarta.validation.constraints.Size;

/**
 * A profile as one's own form and an administrator's edit form send it: every field optional, each within
 * its column's length once the spaces around it are taken off (they are not stored).
 */
public record ProfileForm(
        @Size(max = Profile.REAL_NAME_MAX, message = "social:error_real_name") String realName,
        @Size(max = Profile.LOCATION_MAX, message = "social:error_location") String location,
        @Size(max = Profile.ABOUT_MAX, message = "social:error_about") String aboutMe) {

    public ProfileForm {
        realName = stripped(realName);
        location = stripped(location);
        aboutMe = stripped(aboutMe);
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
