package dev.atrium.analytics;

/** What page views are broken down by; {@code column} is the page_views column, {@code key} the rolled-up name. */
enum Dimension {
    PAGE("page", "path"),
    REFERRER("referrer", "referrer_host"),
    BROWSER("browser", "browser"),
    DEVICE("device", "device");

    final String key;
    final String column;

    Dimension(String key, String column) {
        this.key = key;
        this.column = column;
    }
}
