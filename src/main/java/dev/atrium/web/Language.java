package dev.atrium.web;

import java.util.Locale;

import io.quarkus.qute.TemplateData;

/** The languages the UI speaks. English is the default; Simplified Chinese is chosen by zh and zh-CN. */
@TemplateData
public enum Language {
    EN("en", Locale.ENGLISH, "English"),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文");

    public static final Language DEFAULT = EN;

    private final String tag;
    private final Locale locale;
    private final String nativeName;

    Language(String tag, Locale locale, String nativeName) {
        this.tag = tag;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The language for an exact tag such as a cookie holds, or null if the tag is not one of ours. */
    public static Language ofTag(String tag) {
        if (tag != null) {
            for (Language language : values()) {
                if (language.tag.equalsIgnoreCase(tag.trim())) {
                    return language;
                }
            }
        }
        return null;
    }

    /**
     * Reads an {@code Accept-Language} header and returns the first of its ranges, by quality, that the UI
     * speaks. Malformed entries are skipped rather than refused: a browser's odd header must never cost
     * the visitor the page.
     */
    public static Language fromAcceptLanguage(String header) {
        Language best = DEFAULT;
        double bestQuality = 0;
        for (WeightedHeader.Entry entry : WeightedHeader.parse(header)) {
            Language language = match(entry.value());
            if (language != null && entry.quality() > bestQuality) {
                best = language;
                bestQuality = entry.quality();
            }
        }
        return best;
    }

    private static Language match(String range) {
        if (range.equals("zh") || range.equals("zh-cn") || range.equals("zh-sg") || range.startsWith("zh-hans")) {
            return ZH_CN;
        }
        if (range.equals("en") || range.startsWith("en-")) {
            return EN;
        }
        return null;
    }
}
