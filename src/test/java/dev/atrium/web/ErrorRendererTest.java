package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorRendererTest {

    @Inject
    ErrorRenderer renderer;

    @ParameterizedTest
    @CsvSource({
            "400, Bad request", "403, Forbidden", "404, Page not found", "405, Method not allowed",
            "413, Request too large", "415, Unsupported content", "500, Something went wrong",
            "503, Service unavailable" })
    void everyErrorStatusHasItsOwnPage(int status, String title) {
        ErrorRenderer.Rendered page = renderer.render(status, null, "text/html", "/x");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>" + title + " · Atrium</title>", "Error " + status);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,*/*;q=0.8 | true",
            "text/html | true",
            "application/json | false",
            "*/* | false",
            "application/json, text/html;q=0.5 | false",
            "text/html;q=0.9, application/problem+json;q=0.9 | true",
            "text/html;q=0 | false",
            "text/html;q=banana | false",
            ";;;,,, | false" })
    void htmlOnlyForClientsThatAskForIt(String accept, boolean html) {
        assertThat(ErrorRenderer.prefersHtml(accept)).isEqualTo(html);
    }
}
