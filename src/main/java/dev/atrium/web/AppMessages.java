package dev.atrium.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings the shared layout and the error pages show, in English; the Chinese texts are in
 * {@code messages/msg_zh_CN.properties}. Templates use them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
interface AppMessages {

    @Message("Skip to content")
    String skip_to_content();

    @Message("Home")
    String nav_home();

    @Message("About")
    String nav_about();

    @Message("Language")
    String language();

    /** No request id here: error pages show theirs, and pages alike for every visitor can be cached whole. */
    @Message("Built with Quarkus.")
    String footer();

    @Message("Error {status}")
    String error_heading(int status);

    @Message("Bad request")
    String error_400_title();

    @Message("The request could not be understood. If you were sending a form, reload its page and send it again.")
    String error_400_text();

    @Message("Forbidden")
    String error_403_title();

    @Message("You do not have permission to see this page.")
    String error_403_text();

    @Message("This request did not come from one of this site's pages. Reload the page and send it again.")
    String error_csrf_refused();

    @Message("Page not found")
    String error_404_title();

    @Message("There is no page at this address. It may have moved, or the link may be mistyped.")
    String error_404_text();

    @Message("Method not allowed")
    String error_405_title();

    @Message("This page cannot be used that way.")
    String error_405_text();

    @Message("Not acceptable")
    String error_406_title();

    @Message("This page is not available in the format your client asked for.")
    String error_406_text();

    @Message("Request too large")
    String error_413_title();

    @Message("What you sent is larger than this site accepts.")
    String error_413_text();

    @Message("Unsupported content")
    String error_415_title();

    @Message("What you sent is in a format this page does not accept.")
    String error_415_text();

    @Message("Too many requests")
    String error_429_title();

    @Message("You have made too many requests. Please wait a moment and try again.")
    String error_429_text();

    @Message("Something went wrong")
    String error_500_title();

    @Message("An unexpected error stopped this page. It has been logged; if you report it, please quote the request id below.")
    String error_500_text();

    @Message("Service unavailable")
    String error_503_title();

    @Message("The site cannot answer right now. Please try again in a little while.")
    String error_503_text();

    @Message("Request id")
    String error_request_id();

    @Message("Back to the home page")
    String error_back_home();
}
