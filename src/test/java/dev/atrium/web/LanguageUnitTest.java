package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageUnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "zh | ZH_CN", "zh-CN | ZH_CN", "ZH-cn | ZH_CN", "en | EN", "NULL | EN", "fr | EN",
            "en;q=0.4, zh;q=0.6 | ZH_CN", "zh;q=0.4, en;q=0.6 | EN", "zh;q=2 | EN", "zh;q=-1 | EN",
            "zh-TW | EN", "';;'| EN" })
    void picksTheBestSupportedLanguage(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
