package dev.atrium.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Checks Kubernetes objects against the API's schemas, offline: fabric8's kubernetes-model, the Java types
 * generated from Kubernetes' OpenAPI definitions, read strictly. Those types keep any field they do not know
 * in an "additional properties" map instead of refusing it, so Jackson is told to ignore that catch-all: an
 * unknown (misspelt) field, a value of the wrong type (no coercion of "3" to 3), an unknown apiVersion/kind
 * all fail here as `kubectl apply --validate=strict` would fail them.
 */
public final class KubernetesSchema {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/Service", Service.class,
            "v1/Secret", Secret.class,
            "v1/ConfigMap", ConfigMap.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    // the models' @JsonAnySetter would swallow unknown fields
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private KubernetesSchema() {
    }

    /** What is wrong with one object (a YAML document read as maps and lists); empty when it fits its schema. */
    public static List<String> problems(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        Class<?> schema = TYPES.get(type);
        if (schema == null) {
            return List.of(type + ": no schema known here for this apiVersion and kind");
        }
        List<String> problems = new ArrayList<>();
        try {
            STRICT.convertValue(object, schema);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            problems.add(type + " " + name(object) + ": " + (message == null ? e.toString() : message.lines().findFirst().orElse(message)));
        }
        return problems;
    }

    private static Object name(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        return metadata instanceof Map<?, ?> map ? map.get("name") : null;
    }
}
