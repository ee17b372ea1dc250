package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.atrium.testing.KubernetesSchema;
import dev.atrium.testing.YamlNodes;

/**
 * The schema check that KubernetesSchemaIT runs on the generated manifest catches what it must (a misspelt
 * field, a value of the wrong type, an unknown kind), and the examples in deploy/kubernetes/ pass it.
 */
class KubernetesSchemaTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: atrium
              labels:
                app.kubernetes.io/name: atrium
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: atrium
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxSurge: 25%
                  maxUnavailable: 0
              template:
                spec:
                  containers:
                    - name: atrium
                      image: atrium:1.0.0
                      resources:
                        limits:
                          memory: 512Mi
                      securityContext:
                        readOnlyRootFilesystem: true
            """;

    @Test
    void aCorrectDeploymentPasses() {
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT))).isEmpty();
    }

    @Test
    void aMisspeltFieldFailsNamingIt() {
        // "FileSystem" for "Filesystem": Kubernetes would drop the field, and the container would write to its image
        List<String> problems = KubernetesSchema.problems(yaml(DEPLOYMENT.replace("readOnlyRootFilesystem", "readOnlyRootFileSystem")));
        assertThat(problems).singleElement().asString().contains("readOnlyRootFileSystem");
    }

    @Test
    void aMisspeltFieldAtTheTopFails() {
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("  replicas: 2", "  replica: 2"))))
                .singleElement().asString().contains("replica");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("replicas: 2", "replicas: two")))).isNotEmpty();
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("replicas: 2", "replicas: '2'"))))
                .as("no coercion of a string to a number").isNotEmpty();
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: [true]"))))
                .isNotEmpty();
    }

    @Test
    void anUnknownKindOrVersionFails() {
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("apps/v1", "apps/v1beta1")))).isNotEmpty();
        assertThat(KubernetesSchema.problems(yaml(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")))).isNotEmpty();
    }

    @Test
    void theExamplesForOperatorsFitTheSchemas() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("deploy", "kubernetes"))) {
            examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).extracting(file -> file.getFileName().toString())
                .contains("secret.example.yaml", "ingress.example.yaml");
        for (Path example : examples) {
            List<Map<String, Object>> documents = YamlNodes.loadAll(example);
            assertThat(documents).as(example.toString()).isNotEmpty();
            for (Map<String, Object> document : documents) {
                assertThat(KubernetesSchema.problems(document)).as(example.toString()).isEmpty();
            }
        }
    }

    private static Map<String, Object> yaml(String text) {
        return YamlNodes.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }
}
