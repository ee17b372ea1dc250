package dev.atrium.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import dev.atrium.config.AtriumConfig;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The language switch in the layout: remembers the choice in a cookie and goes back to the page the
 * visitor was on. It is a plain link, so it works without JavaScript; it changes nothing but the
 * visitor's own preference, so it needs no CSRF token.
 */
@Path("/language")
@NonBlocking
class LanguageResource {

    private final AtriumConfig config;

    LanguageResource(AtriumConfig config) {
        this.config = config;
    }

    @GET
    public Response choose(@RestQuery String lang, @RestQuery String next) {
        Language language = Language.ofTag(lang);
        if (language == null) {
            throw new ProblemException(400, "Unknown language: choose one of en, zh-CN.");
        }
        NewCookie cookie = new NewCookie.Builder(config.web().languageCookie())
                .value(language.tag())
                .path("/")
                .maxAge((int) config.web().languageCookieMaxAge().toSeconds())
                .httpOnly(true)
                .secure(config.auth().secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return LocalRedirects.seeOtherBuilder(LocalRedirects.localPathOrRoot(next)).cookie(cookie).build();
    }
}
