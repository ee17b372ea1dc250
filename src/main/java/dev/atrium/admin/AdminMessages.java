package dev.atrium.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The administrators' pages (users, audit log, analytics, system) in English; Chinese in messages/admin_zh_CN.properties. */
@MessageBundle(value = "admin", locale = "en")
interface AdminMessages {

    @Message("Administration")
    String nav();

    @Message("Users")
    String users_title();

    @Message("Audit log")
    String audit_title();

    @Message("Analytics")
    String analytics_title();

    @Message("System")
    String system_title();

    @Message("Search by username or email")
    String search_label();

    @Message("Search")
    String search();

    @Message("No account matches.")
    String no_users();

    @Message("Username")
    String col_username();

    @Message("Email")
    String col_email();

    @Message("Role")
    String col_role();

    @Message("Status")
    String col_status();

    @Message("Joined")
    String col_joined();

    @Message("Active")
    String status_active();

    @Message("Disabled")
    String status_disabled();

    @Message("Unconfirmed")
    String status_unconfirmed();

    @Message("Set role")
    String set_role();

    @Message("Disable")
    String disable();

    @Message("Enable")
    String enable();

    @Message("You cannot change your own role; ask another administrator.")
    String self_role();

    @Message("You cannot disable your own account.")
    String self_disable();

    @Message("The site would have no active administrator left; make another account an administrator first.")
    String last_admin();

    @Message("You cannot take away your own account's confirmation.")
    String self_confirm();

    @Message("Edit")
    String edit();

    @Message("Edit {name}")
    String edit_title(String name);

    @Message("The account's profile, role and confirmation. Every change is recorded in the audit log.")
    String edit_text();

    @Message("Email address confirmed")
    String confirmed_field();

    @Message("Save changes")
    String edit_save();

    @Message("The changes were saved.")
    String edit_saved();

    @Message("When")
    String col_when();

    @Message("Who")
    String col_actor();

    @Message("Action")
    String col_action();

    @Message("Account")
    String col_target();

    @Message("Detail")
    String col_detail();

    @Message("Nothing has been recorded yet.")
    String no_audit();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Show")
    String show();

    @Message("Page views")
    String views();

    @Message("Visitors")
    String visitors();

    @Message("Day")
    String day();

    @Message("{views} page views, {visitors} visitors")
    String chart_bar(long views, long visitors);

    @Message("Page views and visitors per day: the bars show page views, the darker part of each bar its visitors.")
    String chart_caption();

    @Message("The numbers as a table")
    String chart_table();

    @Message("Page views and visitors per day")
    String days_caption();

    @Message("Page")
    String col_page();

    @Message("Referrer")
    String col_referrer();

    @Message("Browser")
    String col_browser();

    @Message("Device")
    String col_device();

    @Message("Top pages")
    String top_pages();

    @Message("Top referrers")
    String top_referrers();

    @Message("Browsers")
    String browsers();

    @Message("Devices")
    String devices();

    @Message("No page views in this range.")
    String no_data();

    @Message("{views} page views by {visitors} visitors from {from} to {to}")
    String range_summary(long views, long visitors, String from, String to);

    @Message("Version")
    String version();

    @Message("Profile")
    String profile();

    @Message("Up for")
    String uptime();

    @Message("Health checks")
    String health();

    @Message("Memory")
    String memory();

    @Message("{used} MB of {max} MB heap used; {rss} MB resident")
    String memory_detail(long used, long max, String rss);

    @Message("Requests")
    String requests();

    @Message("{rate} requests/s, mean {mean} ms, slowest {max} ms over the last {window} s")
    String requests_detail(String rate, String mean, String max, long window);

    @Message("{total} requests since start")
    String requests_total(long total);

    @Message("Account mail")
    String mail_title();

    @Message("{pending} waiting to be sent, {failed} given up")
    String mail_summary(long pending, long failed);

    @Message("the oldest has waited {wait}")
    String mail_oldest(String wait);

    @Message("Given up after the last attempt, latest first. The link it held is not kept; the user can have a new one sent.")
    String mail_failures();

    @Message("No mail has been given up.")
    String mail_none_failed();

    @Message("Queued")
    String mail_col_queued();

    @Message("Kind")
    String mail_col_kind();

    @Message("Recipient")
    String mail_col_recipient();

    @Message("Attempts")
    String mail_col_attempts();

    @Message("Last error")
    String mail_col_error();
}
