package dev.atrium.ops;

import static dev.atrium.testing.YamlNodes.at;
import static dev.atrium.testing.YamlNodes.list;
import static dev.atrium.testing.YamlNodes.loadAll;
import static dev.atrium.testing.YamlNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest that {@code ./mvnw package} writes with the Quarkus Kubernetes extension
 * ({@code target/kubernetes/kubernetes.yml}): what an operator applies must probe the right endpoints,
 * take its settings from the Secret, and give graceful shutdown the time application.yaml asks for.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");

    private static List<Map<String, Object>> documents;
    private static Map<String, Object> deployment;
    private static Map<String, Object> container;

    @BeforeAll
    static void load() throws IOException {
        assertThat(MANIFEST).as("built by ./mvnw package").exists();
        documents = loadAll(MANIFEST);
        deployment = only("Deployment");
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        container = map(containers.get(0));
    }

    @Test
    void replicasAreSelectedByNameOnly() {
        // how many is the autoscaler's (KubernetesHardeningIT)
        // a selector with the version label would make the next release's `kubectl apply` fail
        assertThat(map(at(deployment, "spec", "selector", "matchLabels"))).containsOnlyKeys("app.kubernetes.io/name");
    }

    @Test
    void probesUseTheSmallRyeHealthEndpointsOnTheManagementPort() {
        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo(9000);
        }
        assertThat(list(at(container, "ports"))).anySatisfy(p -> assertThat(map(p))
                .containsEntry("containerPort", 9000).containsEntry("name", "management"));
    }

    @Test
    void probeTimingsFitTheApplication() throws IOException {
        // start-up (Flyway included) gets at least a minute before the startup probe gives up
        int startupSeconds = (Integer) at(container, "startupProbe", "periodSeconds")
                * (Integer) at(container, "startupProbe", "failureThreshold");
        assertThat(startupSeconds).isGreaterThanOrEqualTo(60);
        // the liveness check itself may take up to atrium.health.event-loop-timeout: the probe must wait longer
        Duration eventLoopTimeout = duration(at(applicationYaml(), "atrium", "health", "event-loop-timeout"));
        assertThat((long) (Integer) at(container, "livenessProbe", "timeoutSeconds"))
                .isGreaterThan(eventLoopTimeout.toSeconds());
        // no restart on a single slow answer
        assertThat((Integer) at(container, "livenessProbe", "failureThreshold")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void requestsAndLimitsCpuAndMemory() {
        Map<String, Object> resources = map(at(container, "resources"));
        assertThat(map(resources.get("requests"))).containsOnlyKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsEntry("memory", "256Mi").containsEntry("cpu", "1");
        assertThat(at(resources, "requests", "memory")).isEqualTo("192Mi");
    }

    @Test
    void settingsComeFromTheSecretAndTheConfigMap() {
        Map<String, Map<String, Object>> sources = new java.util.HashMap<>();
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry);
            if (variable.get("valueFrom") != null) {
                sources.put((String) variable.get("name"), map(variable.get("valueFrom")));
            }
            assertThat(variable).as("no setting is written into the manifest").doesNotContainKey("value");
        }
        for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY")) {
            assertThat(sources).as(name).containsKey(name);
            assertThat(map(sources.get(name).get("secretKeyRef")))
                    .containsEntry("name", "atrium").containsEntry("key", name);
        }
        for (String name : List.of("ATRIUM_SITE_BASE_URL", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "QUARKUS_MAILER_HOST")) {
            assertThat(sources).as(name).containsKey(name);
            assertThat(map(sources.get(name).get("configMapKeyRef")))
                    .containsEntry("name", "atrium-config").containsEntry("key", name);
        }
    }

    @Test
    void terminationGracePeriodOutlastsShutdownDelayAndTimeout() throws IOException {
        Map<String, Object> config = applicationYaml();
        Duration delay = duration(at(config, "quarkus", "shutdown", "delay"));
        Duration timeout = duration(at(config, "quarkus", "shutdown", "timeout"));
        assertThat(delay.plus(timeout)).isEqualTo(Duration.ofSeconds(35));
        Object grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat(grace).isInstanceOf(Integer.class);
        assertThat((long) (Integer) grace).isGreaterThan(delay.plus(timeout).toSeconds());
    }

    @Test
    void aServiceSendsPortEightyToTheApplication() {
        Map<String, Object> service = only("Service");
        assertThat(map(at(service, "spec", "selector"))).containsEntry("app.kubernetes.io/name", "atrium");
        // the public port only: health and metrics (the management port) are for the cluster's own probes and scrapers
        assertThat(list(at(service, "spec", "ports"))).hasSize(1);
        Map<String, Object> port = map(list(at(service, "spec", "ports")).get(0));
        assertThat(port).containsEntry("port", 80).containsEntry("targetPort", 8080);
        assertThat(list(at(container, "ports"))).anySatisfy(p -> assertThat(map(p)).containsEntry("containerPort", 8080));
    }

    @Test
    void noMigrationJobNorTheRbacItWouldNeed() {
        // each replica migrates at start (Flyway takes PostgreSQL's advisory lock): no Job, no wait-for image;
        // and no ServiceMonitor, which would need the Prometheus Operator's CRD in the cluster
        assertThat(documents).extracting(d -> d.get("kind"))
                .containsOnly("Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        assertThat(at(deployment, "spec", "template", "spec", "initContainers")).isNull();
    }

    @Test
    void prometheusScrapesEachPodsMetrics() {
        Map<String, Object> annotations = map(at(deployment, "spec", "template", "metadata", "annotations"));
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", "9000");
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> applicationYaml() throws IOException {
        return dev.atrium.testing.YamlNodes.load(APPLICATION_YAML);
    }

    /** "5S", "30S", "PT5S": the forms application.yaml uses. */
    private static Duration duration(Object value) {
        String text = String.valueOf(value).toUpperCase(Locale.ROOT);
        return Duration.parse(text.startsWith("P") ? text : "PT" + text);
    }




}
