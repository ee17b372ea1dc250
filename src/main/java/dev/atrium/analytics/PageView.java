package dev.atrium.analytics;

import java.time.Instant;

/**
 * One page view on its way from the request to the database. {@code address} and {@code userAgent} are held
 * only in memory until the writer turns them into the day's visitor hash; they are never written anywhere.
 */
record PageView(Instant at, String path, String referrerHost, String browser, String device, int status,
        String address, String userAgent) {
}
