package dev.atrium.ops;

import static dev.atrium.testing.YamlNodes.list;
import static dev.atrium.testing.YamlNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.atrium.testing.YamlNodes;

/**
 * The GitHub Actions workflow stays in step with .ci/run (what these machines run) and names only files
 * that exist. Plain JUnit: it reads files, no application is started.
 */
class CiWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github", "workflows", "ci.yml");
    private static final Path CI_RUN = Path.of(".ci", "run");
    /** "-f path" of docker build, and any path into src/main/docker/. */
    private static final Pattern DOCKERFILE = Pattern.compile("(?:-f\\s+|\\b)(src/main/docker/[^\\s'\"]+|\\S*Dockerfile\\S*)");

    /** The native build and the integration tests against it, as .ci/native-check runs them here. */
    private static final String NATIVE_PACKAGE = "./mvnw -B verify -Dnative -Dquarkus.native.container-build=true -Dtest=none"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.container-image.image=\"$IMAGE\"";

    private static Map<String, Object> jobs;

    @BeforeAll
    static void load() throws IOException {
        jobs = map(YamlNodes.load(WORKFLOW).get("jobs"));
    }

    @Test
    void hasAJvmAndANativeJob() {
        assertThat(jobs).containsOnlyKeys("jvm", "native");
        assertThat(map(jobs.get("native")).get("needs")).isEqualTo("jvm");
    }

    @Test
    void jvmJobRunsTheMavenCommandsOfCiRun() throws IOException {
        List<String> ciRun = Files.readAllLines(CI_RUN).stream().map(String::strip)
                .filter(line -> line.startsWith("./mvnw ")).toList();
        assertThat(ciRun).as("the Maven commands of .ci/run").isNotEmpty();
        assertThat(runs("jvm")).containsExactlyElementsOf(ciRun);
    }

    @Test
    void jvmJobHasThePostgresqlTheTestsExpect() {
        Map<String, Object> postgres = map(map(map(jobs.get("jvm")).get("services")).get("postgres"));
        assertThat(postgres.get("image")).isEqualTo("postgres:15");
        assertThat(map(postgres.get("env"))).containsEntry("POSTGRES_HOST_AUTH_METHOD", "trust")
                .containsEntry("POSTGRES_DB", "test");
        assertThat(list(postgres.get("ports"))).contains("5432:5432");
        assertThat(steps("jvm")).anySatisfy(step -> {
            assertThat(step.get("uses")).asString().startsWith("actions/setup-java@");
            assertThat(map(step.get("with"))).containsEntry("distribution", "temurin")
                    .containsEntry("java-version", "17").containsEntry("cache", "maven");
        });
    }

    @Test
    void nativeJobBuildsTheExecutableInTheBuilderContainerThenTheImage() {
        List<String> runs = runs("native");
        assertThat(runs).contains(NATIVE_PACKAGE);
        assertThat(runs).anySatisfy(run -> assertThat(run).startsWith("docker build -f src/main/docker/Dockerfile.native-micro"));
        assertThat(runs.indexOf(runs.stream().filter(r -> r.startsWith("docker build")).findFirst().orElseThrow()))
                .as("the image is built from the executable").isGreaterThan(runs.indexOf(
                        NATIVE_PACKAGE));
        assertThat(steps("native")).anySatisfy(step -> {
            assertThat(step.get("uses")).asString().startsWith("actions/upload-artifact@");
            assertThat(map(step.get("with")).get("path")).asString().startsWith("target/kubernetes");
        });
    }

    @Test
    void theImageTheNativeJobBuildsIsTheOneItsManifestNames() throws IOException {
        Map<String, Object> nativeJob = map(jobs.get("native"));
        String image = (String) map(nativeJob.get("env")).get("IMAGE");
        // the repository name a local build's manifest uses too (application.yaml), tagged by commit
        String localImage = (String) YamlNodes.at(YamlNodes.load(Path.of("src", "main", "resources", "application.yaml")),
                "quarkus", "container-image", "image");
        assertThat(localImage).isEqualTo("atrium:${quarkus.application.version}");
        assertThat(image).isEqualTo("ghcr.io/${{ github.repository }}:${{ github.sha }}");
        List<String> runs = runs("native");
        // the manifest (uploaded from target/kubernetes/) is written by the package step, with this image...
        assertThat(runs).filteredOn(run -> run.startsWith("./mvnw ")).singleElement().asString()
                .endsWith(" -Dquarkus.container-image.image=\"$IMAGE\"");
        // ...and the image is built under the same name, which nothing else in the job redefines
        assertThat(runs).filteredOn(run -> run.startsWith("docker build ")).singleElement().asString()
                .contains(" -t \"$IMAGE\" ");
        assertThat(steps("native")).allSatisfy(step -> assertThat(step).doesNotContainKey("env"));
        assertThat(String.join("\n", runs)).doesNotContain("github.sha").doesNotContain("IMAGE=");
    }

    @Test
    void nativeJobTestsOnPostgresqlAndPushesOnlyFromMain() {
        Map<String, Object> nativeJob = map(jobs.get("native"));
        assertThat(map(map(nativeJob.get("services")).get("postgres")).get("image")).isEqualTo("postgres:15");
        assertThat(map(nativeJob.get("permissions"))).containsEntry("packages", "write");
        Map<String, Object> push = steps("native").stream().filter(step -> String.valueOf(step.get("run")).contains("docker push"))
                .findFirst().orElseThrow();
        assertThat(push.get("if")).isEqualTo("github.event_name == 'push' && github.ref == 'refs/heads/main'");
        assertThat((String) push.get("run")).contains("docker push \"$IMAGE\"");
    }

    @Test
    void everyDockerfileTheWorkflowNamesExists() {
        List<String> named = new ArrayList<>();
        for (String job : jobs.keySet()) {
            for (String run : runs(job)) {
                Matcher matcher = DOCKERFILE.matcher(run);
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(named).allSatisfy(path -> assertThat(Path.of(path)).isRegularFile());
    }

    private static List<Map<String, Object>> steps(String job) {
        return list(map(jobs.get(job)).get("steps")).stream().map(YamlNodes::map).toList();
    }

    /** The job's run commands, one per line, in order. */
    private static List<String> runs(String job) {
        return steps(job).stream().filter(step -> step.get("run") != null)
                .flatMap(step -> ((String) step.get("run")).lines()).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }


}
