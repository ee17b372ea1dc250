package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What app.css promises readers whatever their system: Chinese in a Chinese font, links not by colour alone. */
class StylesheetTest {

    private static final Pattern FONT_FAMILY = Pattern.compile(":root \\{[^}]*?font-family:([^;]+);", Pattern.DOTALL);

    /**
     * Simplified Chinese text finds its system's Chinese font on macOS and iOS, Windows, Android and Linux
     * before the generic fallback, which on many systems picks a Japanese or a bitmap face; Latin text keeps
     * the system's UI font, named first.
     */
    @Test
    void theFontStackCoversChineseOnCommonSystems() throws IOException {
        Matcher declaration = FONT_FAMILY.matcher(css());
        assertThat(declaration.find()).as("a font-family for the whole page").isTrue();
        List<String> families = Arrays.stream(declaration.group(1).split(","))
                .map(family -> family.strip().replace("\"", "")).toList();
        assertThat(families.get(0)).isEqualTo("system-ui");
        assertThat(families.get(families.size() - 1)).isEqualTo("sans-serif");
        assertThat(families).as("macOS and iOS").contains("PingFang SC")
                .as("Windows").contains("Microsoft YaHei")
                .as("Android and Linux (Noto, as Google and most distributions ship it)").contains("Noto Sans CJK SC")
                .as("Linux desktops without Noto").contains("WenQuanYi Micro Hei");
    }

    /** The switch's other language stands beside the current one's name: an underline marks it as a link. */
    @Test
    void theLanguageSwitchsLinkIsUnderlined() throws IOException {
        assertThat(css()).contains(".languages a { text-decoration: underline; }");
    }

    private static String css() throws IOException {
        return new String(StaticAssetsTest.resource("app.css"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
