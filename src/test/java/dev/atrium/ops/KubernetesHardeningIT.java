package dev.atrium.ops;

import static dev.atrium.testing.YamlNodes.at;
import static dev.atrium.testing.YamlNodes.list;
import static dev.atrium.testing.YamlNodes.loadAll;
import static dev.atrium.testing.YamlNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the generated manifest (target/kubernetes/kubernetes.yml) does for security and availability: a
 * container that cannot gain privileges or write to its image, an autoscaler that owns the replica count, a
 * disruption budget, and rolling updates that never go below the desired count. Also the Ingress example.
 */
class KubernetesHardeningIT {

    private static List<Map<String, Object>> documents;
    private static Map<String, Object> deployment;
    private static Map<String, Object> podSpec;
    private static Map<String, Object> container;

    @BeforeAll
    static void load() throws IOException {
        documents = loadAll(Path.of("target", "kubernetes", "kubernetes.yml"));
        deployment = only("Deployment");
        podSpec = map(at(deployment, "spec", "template", "spec"));
        container = map(list(podSpec.get("containers")).get(0));
    }

    @Test
    void thePodRunsAsNonRootWithTheRuntimesSeccompProfile() {
        assertThat(at(podSpec, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(podSpec, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        assertThat(podSpec.get("automountServiceAccountToken")).as("no API token in the pod").isEqualTo(false);
    }

    @Test
    void theContainerCannotGainPrivilegesNorWriteToItsImage() {
        Map<String, Object> context = map(container.get("securityContext"));
        assertThat(context).containsEntry("runAsNonRoot", true).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("privileged", false).containsEntry("readOnlyRootFilesystem", true);
        assertThat(list(at(context, "capabilities", "drop"))).containsExactly("ALL");
        assertThat(at(context, "capabilities", "add")).isNull();
    }

    @Test
    void tmpIsTheOneWritableDirectoryABoundedEmptyDir() {
        // java.io.tmpdir: Vert.x's file cache and the JVM's temporary files
        assertThat(list(container.get("volumeMounts"))).singleElement()
                .satisfies(mount -> assertThat(map(mount)).containsEntry("mountPath", "/tmp").containsEntry("name", "tmp")
                        .doesNotContainKey("readOnly"));
        assertThat(list(podSpec.get("volumes"))).singleElement().satisfies(volume -> {
            assertThat(map(volume)).containsEntry("name", "tmp");
            assertThat(at(map(volume), "emptyDir", "sizeLimit")).isEqualTo("64Mi");
            assertThat(at(map(volume), "emptyDir", "medium")).as("on disk, not counted against the memory limit").isNull();
        });
    }

    @Test
    void theAutoscalerOwnsTheReplicaCountFromTwoUpOnCpu() {
        assertThat(map(deployment.get("spec"))).as("a replicas field would reset the autoscaled count at every apply")
                .doesNotContainKey("replicas");
        Map<String, Object> autoscaler = only("HorizontalPodAutoscaler");
        assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(at(autoscaler, "spec", "scaleTargetRef"))).containsEntry("apiVersion", "apps/v1")
                .containsEntry("kind", "Deployment").containsEntry("name", "atrium");
        assertThat((Integer) at(autoscaler, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) at(autoscaler, "spec", "maxReplicas")).isGreaterThan((Integer) at(autoscaler, "spec", "minReplicas"));
        Map<String, Object> metric = map(list(at(autoscaler, "spec", "metrics")).get(0));
        assertThat(metric).containsEntry("type", "Resource");
        assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
        assertThat(at(metric, "resource", "target", "type")).isEqualTo("Utilization");
        // utilisation is measured against the CPU request, which must therefore be set
        assertThat(at(container, "resources", "requests", "cpu")).isNotNull();
    }

    @Test
    void aDisruptionBudgetKeepsAllButOneReplicaThroughDrains() {
        Map<String, Object> budget = only("PodDisruptionBudget");
        assertThat(budget.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(at(budget, "spec", "maxUnavailable")).isEqualTo(1);
        assertThat(map(at(budget, "spec", "selector", "matchLabels")))
                .isEqualTo(map(at(deployment, "spec", "selector", "matchLabels")));
    }

    @Test
    void rollingUpdatesNeverGoBelowTheDesiredCount() {
        Map<String, Object> strategy = map(at(deployment, "spec", "strategy"));
        assertThat(strategy.get("type")).isEqualTo("RollingUpdate");
        Object maxUnavailable = at(strategy, "rollingUpdate", "maxUnavailable");
        Object maxSurge = at(strategy, "rollingUpdate", "maxSurge");
        assertThat(maxUnavailable).isIn(0, "0%");
        // Kubernetes refuses a string here unless it is a percentage ("1" is invalid, "25%" or 1 are not);
        // and with nothing unavailable, the update can only proceed by surging
        for (Object value : List.of(maxUnavailable, maxSurge)) {
            if (value instanceof String text) {
                assertThat(text).matches("[0-9]+%");
            }
        }
        assertThat(maxSurge).isNotIn(0, "0%");
    }

    @Test
    void theIngressExampleEndsTlsForItsHostAndSendsToTheService() throws IOException {
        Map<String, Object> ingress = loadAll(Path.of("deploy", "kubernetes", "ingress.example.yaml")).get(0);
        assertThat(ingress.get("kind")).isEqualTo("Ingress");
        Map<String, Object> tls = map(list(at(ingress, "spec", "tls")).get(0));
        Map<String, Object> rule = map(list(at(ingress, "spec", "rules")).get(0));
        assertThat(list(tls.get("hosts"))).containsExactly(rule.get("host"));
        assertThat(tls.get("secretName")).isNotNull();
        Map<String, Object> backend = map(at(map(list(at(rule, "http", "paths")).get(0)), "backend", "service"));
        Map<String, Object> service = only("Service");
        assertThat(backend.get("name")).isEqualTo(at(service, "metadata", "name"));
        Object portName = at(backend, "port", "name");
        assertThat(list(at(service, "spec", "ports"))).anySatisfy(port -> assertThat(map(port)).containsEntry("name", portName));
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
