package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered manifests of deploy/kubernetes: a kustomization ({@link Kustomization}) read against
 * the Kubernetes 1.37 API as fabric8's kubernetes-model 8.0.0 models it (generated from the
 * Kubernetes 1.37.0 OpenAPI schema, says its kubernetes-model-generator pom), strictly: a field the
 * API does not have, or a value of the wrong type, fails instead of being kept aside as fabric8 does
 * by default.
 */
final class KubernetesManifests {

    /** The built-in kinds the manifests use, by apiVersion and kind. */
    static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /**
     * Jackson 3 (fabric8 8's) with every leniency off: unknown fields fail (fabric8's model classes
     * collect them in an any-setter, which this introspector hides), and no text becomes a number,
     * nor a number or a boolean text, which the API server would refuse too.
     */
    static final JsonMapper STRICT = JsonMapper.builderWithJackson2Defaults()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
                    return false;
                }
            })
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .build();

    final String name;
    final List<ObjectNode> resources;

    private KubernetesManifests(String name, List<ObjectNode> resources) {
        this.name = name;
        this.resources = resources;
    }

    /** The base or an overlay, e.g. {@code base}, {@code overlays/production}. */
    static KubernetesManifests of(String kustomization) {
        return new KubernetesManifests(kustomization,
                Kustomization.render(com.drivenow.installers.Deployment.ROOT.resolve("deploy/kubernetes").resolve(kustomization)));
    }

    static <T> T strictly(JsonNode resource, Class<T> type) {
        return STRICT.readValue(resource.toString(), type);
    }

    List<ObjectNode> all(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    <T> List<T> all(Class<T> type) {
        String kind = type.getSimpleName();
        return all(kind).stream().map(r -> strictly(r, type)).toList();
    }

    ObjectNode one(String kind, String resourceName) {
        List<ObjectNode> matches = all(kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(resourceName)).toList();
        if (matches.size() != 1) {
            throw new AssertionError(name + ": " + matches.size() + " " + kind + " named " + resourceName);
        }
        return matches.getFirst();
    }

    <T> T one(Class<T> type, String resourceName) {
        return strictly(one(type.getSimpleName(), resourceName), type);
    }

    Deployment deployment(String module) {
        return one(Deployment.class, module);
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " runs " + containers.size() + " containers");
        }
        return containers.getFirst();
    }

    /** What a server's process sees: its ConfigMaps' entries (envFrom) and then its env, by variable name. */
    Map<String, EnvVar> environment(String module) {
        Container container = container(deployment(module));
        Map<String, EnvVar> variables = new LinkedHashMap<>();
        container.getEnvFrom().forEach(source -> one(ConfigMap.class, source.getConfigMapRef().getName()).getData()
                .forEach((key, value) -> variables.put(key, new EnvVarBuilder().withName(key).withValue(value).build())));
        container.getEnv().forEach(variable -> variables.put(variable.getName(), variable));
        return variables;
    }
}
