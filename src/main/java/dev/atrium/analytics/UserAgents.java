package dev.atrium.analytics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What analytics keeps of a user agent: its browser family and device class, never the string itself.
 * Deliberately coarse: a handful of families tells an operator what to test with, and coarse values
 * cannot single a visitor out.
 */
final class UserAgents {

    /** Crawlers, monitors, command-line clients and libraries: not visitors. */
    private static final Pattern BOT = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|curl|wget|python|java/|okhttp|go-http|httpclient|libwww|"
                    + "headless|phantom|lighthouse|monitor|uptime|probe|scan|preview|facebookexternalhit");

    private UserAgents() {
    }

    static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }

    /** The browser family; order matters, as Edge and Opera also call themselves Chrome and Safari. */
    static String browser(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        if (ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("SamsungBrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/") && ua.contains("Version/")) {
            return "Safari";
        }
        return "Other";
    }

    static String device(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        if (ua.contains("iPad") || ua.contains("Tablet") || (ua.contains("Android") && !ua.contains("Mobile"))) {
            return "tablet";
        }
        if (ua.contains("Mobi") || ua.contains("iPhone") || ua.contains("Android")) {
            return "mobile";
        }
        return "desktop";
    }
}
