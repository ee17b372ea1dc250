package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.KubernetesSchema;
import dev.atrium.testing.YamlNodes;

/**
 * Every object of the manifest {@code ./mvnw package} generates fits the Kubernetes API's schema, field by
 * field: what the Quarkus extension writes, and what src/main/kubernetes/kubernetes.yml merges in (where a
 * misspelt field would otherwise pass through unnoticed, and Kubernetes would drop it).
 */
class KubernetesSchemaIT {

    @Test
    void everyObjectOfTheGeneratedManifestFitsItsSchema() throws IOException {
        Path manifest = Path.of("target", "kubernetes", "kubernetes.yml");
        assertThat(manifest).as("built by ./mvnw package").exists();
        List<Map<String, Object>> objects = YamlNodes.loadAll(manifest);
        assertThat(objects).extracting(object -> object.get("kind"))
                .containsExactlyInAnyOrder("Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        for (Map<String, Object> object : objects) {
            assertThat(KubernetesSchema.problems(object)).isEmpty();
        }
    }
}
