package dev.atrium.auth;

/** The message for each way a new password can fail the policy, shared by every form that sets one. */
final class PasswordMessages {

    private PasswordMessages() {
    }

    static String of(PasswordPolicy.Problem problem, AuthMessages messages) {
        return switch (problem) {
            case TOO_SHORT -> messages.error_password_short();
            case TOO_LONG -> messages.error_password_long();
            case TOO_COMMON -> messages.error_password_common();
        };
    }
}
