package dev.atrium.auth;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The account pages' and emails' texts in English; Chinese in {@code messages/auth_zh_CN.properties}. */
@MessageBundle(value = "auth", locale = "en")
interface AuthMessages {

    @Message("Log in")
    String login_title();

    @Message("Email or username")
    String login_field();

    @Message("Password")
    String password_field();

    @Message("The login or password is not right.")
    String login_failed();

    @Message("No account yet? Register")
    String login_register_link();

    @Message("Log out")
    String logout();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Register")
    String register_title();

    @Message("Email address")
    String email_field();

    @Message("Username")
    String username_field();

    @Message("3 to 32 letters, digits, '.', '_' or '-'.")
    String username_hint();

    @Message("At least 8 characters. A few words strung together make a strong password.")
    String password_hint();

    @Message("Enter a valid email address.")
    String error_email();

    @Message("Use 3 to 32 letters, digits, '.', '_' or '-'.")
    String error_username();

    @Message("This username is taken; choose another.")
    String error_username_taken();

    @Message("Use at least 8 characters.")
    String error_password_short();

    @Message("Use at most 128 characters.")
    String error_password_long();

    @Message("This password is one of the most common; choose another.")
    String error_password_common();

    @Message("Check your email")
    String check_email_title();

    @Message("A message with a link to confirm your address is on its way to the address you gave. Follow the link to finish registering. Nothing there in a few minutes? Log in: you can have it sent again from there.")
    String check_email_text();

    @Message("Confirm your address")
    String confirm_title();

    @Message("Press the button to confirm your email address.")
    String confirm_text();

    @Message("Confirm")
    String confirm_button();

    @Message("Address confirmed")
    String confirmed_title();

    @Message("Thank you, {name}: your email address is confirmed.")
    String confirmed_text(String name);

    @Message("This link is not valid")
    String confirm_invalid_title();

    @Message("The confirmation link is wrong or has expired. Log in to have a new one sent.")
    String confirm_invalid_text();

    @Message("Confirm your email address")
    String unconfirmed_title();

    @Message("Your account is not confirmed yet. Follow the link we sent to {email}, or have it sent again.")
    String unconfirmed_text(String email);

    @Message("Your account is not confirmed yet. A message with the link is on its way to {email}; it can take a few minutes. Not there? Have it sent again.")
    String unconfirmed_pending(String email);

    @Message("Your account is not confirmed yet, and the message with the link could not be delivered to {email}. Check that the address is right, or have it sent again.")
    String unconfirmed_failed(String email);

    @Message("Send the link again")
    String unconfirmed_resend();

    @Message("A new link is on its way.")
    String unconfirmed_resent();

    @Message("Confirm your {site} account")
    String mail_confirm_subject(String site);

    @Message("About your {site} account")
    String mail_already_registered_subject(String site);

    @Message("Hello {name},")
    String mail_greeting(String name);

    @Message("Welcome to {site}. Open this link to confirm your email address:")
    String mail_confirm_text(String site);

    @Message("Someone, perhaps you, tried to register on {site} with this email address, which already has an account. You can log in here:")
    String mail_already_registered_text(String site);

    @Message("If this was not you, you can ignore this message.")
    String mail_ignore();

    @Message("Settings")
    String settings_title();

    @Message("Signed in as {name}, {email}.")
    String settings_who(String name, String email);

    @Message("Change password")
    String settings_password_title();

    @Message("Current password")
    String current_password_field();

    @Message("New password")
    String new_password_field();

    @Message("The current password is not right.")
    String error_current_password();

    @Message("Your password is changed. Your other sessions have ended and your API tokens are revoked.")
    String settings_password_changed();

    @Message("Changing it ends your sessions on other devices and revokes your API tokens.")
    String settings_password_text();

    @Message("Sessions")
    String settings_sessions_title();

    @Message("Log out on every device and browser where you are signed in, this one included. Your API tokens keep working; revoke them below.")
    String settings_sessions_text();

    @Message("Log out everywhere")
    String logout_everywhere();

    @Message("Change email address")
    String settings_email_title();

    @Message("New email address")
    String new_email_field();

    @Message("A message to the new address is on its way. Your address changes only when you follow its link, signed in to this account, within a few hours. Nothing there in a few minutes? Ask again below.")
    String settings_email_sent();


    @Message("Your email address is changed.")
    String email_changed();

    @Message("Confirm your new address")
    String email_change_title();

    @Message("Press the button to make {email} your account's address.")
    String email_change_text(String email);

    @Message("This link is for another account")
    String email_change_other_title();

    @Message("You are signed in to another account than the one that asked for this change, so nothing has changed. Log out, log in to the account that asked for it and open the link again.")
    String email_change_other_text();

    @Message("That address is taken")
    String email_change_taken_title();

    @Message("Another account has just been given this address, so yours has not changed. Choose another address in your settings.")
    String email_change_taken_text();

    @Message("The link is wrong or has expired, or it has been used, replaced by a newer request or voided by a password change. Ask for a new one in your settings.")
    String email_change_invalid_text();

    @Message("Forgot your password?")
    String reset_link();

    @Message("Reset your password")
    String reset_title();

    @Message("Enter your account's email address and we will send you a link to choose a new password.")
    String reset_text();

    @Message("Send the link")
    String reset_send();

    @Message("If an account has that address, a link to reset its password is on its way. It works for one hour, once. Nothing there in a few minutes? Check the address and ask again.")
    String reset_sent();

    @Message("Ask again")
    String reset_again();

    @Message("Choose a new password")
    String reset_choose_title();

    @Message("Your password is reset. Every session of your account has ended and its API tokens are revoked. You can log in with the new password now.")
    String reset_done();

    @Message("This link is not valid")
    String reset_invalid_title();

    @Message("The link is wrong, has expired or has been used. Ask for a new one.")
    String reset_invalid_text();

    @Message("Reset your {site} password")
    String mail_reset_subject(String site);

    @Message("Open this link within an hour to choose a new password for your {site} account:")
    String mail_reset_text(String site);

    @Message("Confirm your new {site} address")
    String mail_change_email_subject(String site);

    @Message("Open this link to make this address the one for your {site} account:")
    String mail_change_email_text(String site);

    @Message("Your {site} address was changed")
    String mail_email_changed_subject(String site);

    @Message("The email address of your {site} account was changed from this address to {email}. Messages about the account, password resets included, now go there.")
    String mail_email_changed_text(String site, String email);

    @Message("If you did not make this change, someone else may have your password and your account: contact the administrators of {site} at once, and change that password wherever else you use it.")
    String mail_email_changed_not_you(String site);

    @Message("Someone tried to use your {site} address")
    String mail_address_in_use_subject(String site);

    @Message("Someone signed in to another {site} account asked to make this email address that account's address. It belongs to your account, so nothing has changed and your account is as it was.")
    String mail_address_in_use_text(String site);

    @Message("If that was you, choose another address for the other account. If not, you can ignore this message.")
    String mail_address_in_use_not_you();

    @Message("API tokens")
    String tokens_title();

    @Message("Tokens let a script or another front end use the JSON API as you, and nothing else: send one as Authorization: Bearer <token>. A read-only token cannot change anything. Changing or resetting your password revokes every token.")
    String tokens_text();

    @Message("It may")
    String token_scope_field();

    @Message("Read only")
    String token_scope_read();

    @Message("Read and write")
    String token_scope_write();

    @Message("Expires")
    String token_expiry_field();

    @Message("Never")
    String token_expiry_never();

    @Message("In 30 days")
    String token_expiry_30();

    @Message("In 90 days")
    String token_expiry_90();

    @Message("On the date below")
    String token_expiry_date();

    @Message("Expiry date (UTC)")
    String token_expires_on_field();

    @Message("Expires {date}")
    String token_expires(String date);

    @Message("Expired {date}")
    String token_expired(String date);

    @Message("Never expires")
    String token_never_expires();

    @Message("Choose what the token may do.")
    String error_token_scope();

    @Message("Choose when the token expires: never, in 30 or 90 days, or on a date from tomorrow to a year from now.")
    String error_token_expiry();

    @Message("Name")
    String token_name_field();

    @Message("Create token")
    String token_create();

    @Message("Give the token a name of at most 60 characters.")
    String error_token_name();

    @Message("Here is your new token. Copy it now: it will not be shown again.")
    String token_created();

    @Message("The token is revoked.")
    String token_revoked();

    @Message("Created {created}, last used {used}")
    String token_meta(String created, String used);

    @Message("never")
    String token_never_used();

    @Message("Revoke")
    String token_revoke();

    @Message("You have no tokens.")
    String tokens_none();

    @Message("Too many password attempts. Wait a while before trying again.")
    String error_too_many_password_checks();

    @Message("Too many emails have been asked for. Wait a while before asking again.")
    String error_too_many_mails();
}
