package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heap the native images run with is the one the native integration tests ran the executable with (the
 * pom's {@code atrium.native.heap}, handed to the tests as {@code quarkus.test.arg-line}), so a heap those
 * tests found too small cannot reach production in a Dockerfile alone. Plain JUnit: it reads files.
 */
class NativeHeapSettingsTest {

    private static final Pattern POM_HEAP = Pattern.compile("<atrium\\.native\\.heap>([^<]+)</atrium\\.native\\.heap>");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[(.*)]\\s*$");

    @ParameterizedTest
    @ValueSource(strings = { "src/main/docker/Dockerfile.native-micro", "src/main/docker/Dockerfile.native" })
    void theNativeImagesRunWithTheHeapTheNativeTestsRanWith(String dockerfile) throws IOException {
        Matcher heap = POM_HEAP.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(heap.find()).as("the native profile's atrium.native.heap in pom.xml").isTrue();
        List<String> heapOptions = Arrays.asList(heap.group(1).strip().split("\\s+"));
        assertThat(heapOptions).as("a maximum heap is chosen").anyMatch(option -> option.startsWith("-Xmx"));

        Matcher entrypoint = ENTRYPOINT.matcher(Files.readString(Path.of(dockerfile)));
        assertThat(entrypoint.find()).as(dockerfile + " has an exec-form ENTRYPOINT").isTrue();
        List<String> arguments = Arrays.stream(entrypoint.group(1).split(","))
                .map(argument -> argument.strip().replaceAll("^\"|\"$", "")).toList();
        assertThat(arguments.get(0)).isEqualTo("./application");
        assertThat(arguments).as(dockerfile + "'s ENTRYPOINT").containsSubsequence(heapOptions);
        assertThat(arguments.stream().filter(argument -> argument.startsWith("-Xm")).toList())
                .as("no other heap option than the tested ones").containsExactlyElementsOf(heapOptions);
    }
}
