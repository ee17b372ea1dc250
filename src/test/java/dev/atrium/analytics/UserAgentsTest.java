package dev.atrium.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0|Firefox|desktop",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|desktop",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0|Edge|desktop",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1|Safari|mobile",
            "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1|Safari|tablet",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36|Chrome|mobile",
            "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/85.0|Opera|tablet",
            "Lynx/2.9.0dev.12 libwww-FM/2.14|Other|desktop" })
    void classifiesBrowserAndDevice(String userAgent, String browser, String device) {
        assertThat(UserAgents.browser(userAgent)).isEqualTo(browser);
        assertThat(UserAgents.device(userAgent)).isEqualTo(device);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "curl/8.5.0", "Wget/1.21", "python-requests/2.32", "Mozilla/5.0 (compatible; Googlebot/2.1)",
            "Mozilla/5.0 (compatible; bingbot/2.0)", "kube-probe/1.31", "Mozilla/5.0 HeadlessChrome/131.0", "Java/17.0.15",
            "Go-http-client/1.1", "UptimeRobot/2.0" })
    void recognisesBots(String userAgent) {
        assertThat(UserAgents.isBot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile/15E148 Safari/604.1" })
    void letsBrowsersThrough(String userAgent) {
        assertThat(UserAgents.isBot(userAgent)).isFalse();
        assertThat(UserAgents.isBot(null)).isTrue();
    }
}
