package dev.atrium.auth;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.atrium.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one page of the signed-in account's settings, which the password, email and API token forms share:
 * each of their resources shows it again with its own form's messages when it refuses what was sent.
 */
@ApplicationScoped
class SettingsPage {

    @CheckedTemplate(basePath = "SettingsResource")
    static class Templates {
        static native TemplateInstance settings(AccountView user, String notice, String newEmail, FormErrors errors,
                List<ApiTokenView> tokens, String newToken, TokenForm tokenForm);
    }

    private final AccountDirectory accounts;
    private final ApiTokenService apiTokens;
    private final SecurityIdentity identity;

    SettingsPage(AccountDirectory accounts, ApiTokenService apiTokens, SecurityIdentity identity) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.identity = identity;
    }

    /** The page with a notice (or none) and every form empty. */
    TemplateInstance show(String notice) {
        return show(notice, "", FormErrors.none(), "", TokenForm.NEW);
    }

    /** The page showing, this once, a token just created. */
    TemplateInstance showNewToken(String notice, String newToken) {
        return show(notice, "", FormErrors.none(), newToken, TokenForm.NEW);
    }

    /** A form refused: the page again, 400, with its messages and the new address as typed. */
    Response refused(FormErrors errors, String newEmail) {
        return Response.status(400).entity(show("", newEmail, errors, "", TokenForm.NEW)).build();
    }

    /** The token form refused: the page again, 400, with its messages and what it sent. */
    Response refused(FormErrors errors, TokenForm tokenForm) {
        return Response.status(400).entity(show("", "", errors, "", tokenForm)).build();
    }

    private TemplateInstance show(String notice, String newEmail, FormErrors errors, String newToken, TokenForm tokenForm) {
        User user = me();
        return Templates.settings(AccountView.of(user), notice, newEmail, errors, apiTokens.list(user.id), newToken, tokenForm);
    }

    /** The signed-in account. */
    User me() {
        return accounts.account(identity.getPrincipal().getName()).orElseThrow();
    }
}
