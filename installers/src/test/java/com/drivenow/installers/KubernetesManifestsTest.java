package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/kubernetes, rendered as {@code kubectl apply -k} would (base and both overlays), is valid
 * Kubernetes (1.37, as fabric8 kubernetes-model 8.0.0 models it) and valid for the two operators, and wires the
 * system the way the servers read their configuration, as compose.yml does (ComposeFileTest).
 */
class KubernetesManifestsTest {

    private static final KubernetesManifests BASE = KubernetesManifests.of("base");
    private static final KubernetesManifests DEV = KubernetesManifests.of("overlays/dev");
    private static final KubernetesManifests PRODUCTION = KubernetesManifests.of("overlays/production");
    private static final List<KubernetesManifests> RENDERINGS = List.of(BASE, DEV, PRODUCTION);

    /** The server modules; each runs as the Deployment, Service, ConfigMap, HPA, PDB and NetworkPolicy of its name. */
    private static final Collection<String> MODULES = Deployment.SERVERS.values();
    private static final String GATEWAY = "api-gateway";
    private static final String BOOKING = "booking-server";
    private static final String INVENTORY = "inventory-server";

    private static final String POSTGRES = "drivenow-postgres";
    private static final String RABBITMQ = "drivenow-rabbitmq";
    /** The servers' grace for in-flight requests after SIGTERM (server.shutdown-grace). */
    private static final int SHUTDOWN_GRACE_SECONDS = 20;
    /** Variables the manifests pass in only to build another one with $(NAME). */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");

    private static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";
    private static final String CNPG_DATABASE = "postgresql.cnpg.io/v1/Database";
    private static final String RABBITMQ_CLUSTER = "rabbitmq.com/v1beta1/RabbitmqCluster";
    private static final Set<String> METADATA = Set.of("apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata.labels.*");

    /**
     * The fields of the operators' resources that their API references name, and no others: the
     * CloudNativePG 1.27 API reference (Cluster; Database since 1.25) and the RabbitMQ Cluster Operator
     * 2.12 API reference (RabbitmqCluster, rabbitmq.com/v1beta1). "a.*" is any key of the map a, "a[]" the elements of the list a.
     */
    private static final Map<String, Set<String>> OPERATOR_FIELDS = Map.of(
            CNPG_CLUSTER, Set.of("spec.instances", "spec.imageName", "spec.storage.size", "spec.storage.storageClass", "spec.resources",
                    "spec.postgresql.parameters.*", "spec.postgresql.pg_hba[]",
                    "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner", "spec.bootstrap.initdb.secret.name",
                    "spec.managed.roles[].name", "spec.managed.roles[].ensure", "spec.managed.roles[].login",
                    "spec.managed.roles[].passwordSecret.name"),
            CNPG_DATABASE, Set.of("spec.cluster.name", "spec.name", "spec.owner", "spec.ensure", "spec.databaseReclaimPolicy"),
            RABBITMQ_CLUSTER, Set.of("spec.replicas", "spec.image", "spec.persistence.storage", "spec.persistence.storageClassName",
                    "spec.resources", "spec.rabbitmq.additionalConfig", "spec.rabbitmq.additionalPlugins[]",
                    "spec.override.statefulSet.spec.template.spec"));
    /** Operator fields that embed a Kubernetes type, read strictly as that type. */
    private static final Map<String, Class<?>> EMBEDDED = Map.of(
            "spec.resources", ResourceRequirements.class,
            "spec.override.statefulSet.spec.template.spec", PodSpec.class);

    @Test
    void everyResourceIsAKubernetesOrOperatorResourceWithOnlyTheFieldsItsApiHas() {
        for (KubernetesManifests rendering : RENDERINGS) {
            assertThat(rendering.resources).as(rendering.name).allSatisfy(resource -> {
                String kind = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
                if (KubernetesManifests.KINDS.containsKey(kind)) {
                    KubernetesManifests.strictly(resource, KubernetesManifests.KINDS.get(kind));
                } else {
                    assertThat(OPERATOR_FIELDS).as("%s: %s is neither a Kubernetes kind nor one of an installed operator", rendering.name, kind)
                            .containsKey(kind);
                    checkOperatorFields(resource, "", OPERATOR_FIELDS.get(kind));
                }
            });
        }
    }

    @Test
    void aMisspelledOrMistypedFieldFails() {
        ObjectNode deployment = BASE.one("Deployment", GATEWAY).deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replica", 2);
        assertThatThrownBy(() -> KubernetesManifests.strictly(deployment, io.fabric8.kubernetes.api.model.apps.Deployment.class)).hasMessageContaining("replica");

        ObjectNode configMap = BASE.one("ConfigMap", GATEWAY).deepCopy();
        ((ObjectNode) configMap.get("data")).put("SERVER_PORT", 8080);
        assertThatThrownBy(() -> KubernetesManifests.strictly(configMap, ConfigMap.class)).hasMessageContaining("SERVER_PORT");

        ObjectNode hpa = BASE.one("HorizontalPodAutoscaler", GATEWAY).deepCopy();
        ((ObjectNode) hpa.get("spec")).put("minReplicas", "2");
        assertThatThrownBy(() -> KubernetesManifests.strictly(hpa, HorizontalPodAutoscaler.class)).hasMessageContaining("minReplicas");

        ObjectNode cluster = BASE.one("Cluster", POSTGRES).deepCopy();
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        assertThatThrownBy(() -> checkOperatorFields(cluster, "", OPERATOR_FIELDS.get(CNPG_CLUSTER))).hasMessageContaining("spec.instance");

        ObjectNode rabbit = BASE.one("RabbitmqCluster", RABBITMQ).deepCopy();
        ((ObjectNode) rabbit.at("/spec/override/statefulSet/spec/template/spec/containers/0")).put("volumeMount", "x");
        assertThatThrownBy(() -> checkOperatorFields(rabbit, "", OPERATOR_FIELDS.get(RABBITMQ_CLUSTER))).hasMessageContaining("volumeMount");
    }

    @Test
    void serversRunTheImagesTheirJibBuildsProduceOnThePortsTheyExpose() {
        for (String module : MODULES) {
            Deployment.JibImage jib = Deployment.jib(module);
            assertThat(jib.repository()).isEqualTo("drivenow/" + module);
            for (KubernetesManifests rendering : RENDERINGS) {
                Container container = KubernetesManifests.container(rendering.deployment(module));
                String tag = rendering == PRODUCTION ? Deployment.projectVersion() : "latest";
                assertThat(container.getImage()).as("%s %s", rendering.name, module).isEqualTo(jib.repository() + ":" + tag);
                assertThat(List.of(Deployment.projectVersion(), jib.tags().getFirst())).as("tags jib builds").contains(tag);
                assertThat(container.getPorts()).singleElement().satisfies(port -> {
                    assertThat(port.getContainerPort()).isEqualTo(Integer.parseInt(jib.port()));
                    assertThat(port.getName()).isEqualTo("http");
                });
                assertThat(rendering.environment(module).get("SERVER_PORT").getValue()).isEqualTo(jib.port());
                // compose's servers listen on the same ports
                assertThat(rendering.environment(module).get("SERVER_PORT").getValue())
                        .isEqualTo(Deployment.environment(service(module)).get("SERVER_PORT"));
            }
        }
    }

    @Test
    void serversAreSetOnlyThroughKeysTheyRead() {
        for (KubernetesManifests rendering : RENDERINGS) {
            for (String module : MODULES) {
                Set<String> known = Deployment.configKeys(module);
                Set<String> helpers = helpers(rendering.environment(module));
                assertThat(rendering.environment(module).keySet()).as("%s: environment of %s, against its application.yaml", rendering.name, module)
                        .allSatisfy(variable -> assertThat(helpers.contains(variable) || known.contains(Deployment.configKey(variable)))
                                .as(variable).isTrue());
                assertThat(helpers).as("%s %s: variables only there to build others come from Secrets", rendering.name, module)
                        .allSatisfy(helper -> assertThat(rendering.environment(module).get(helper).getValueFrom().getSecretKeyRef()).isNotNull());
            }
        }
    }

    @Test
    void serversGetEverySettingTheComposeProductionWiringGivesThem() {
        for (String module : MODULES) {
            Set<String> kubernetes = new TreeSet<>(PRODUCTION.environment(module).keySet());
            kubernetes.removeAll(helpers(PRODUCTION.environment(module)));
            Set<String> compose = new TreeSet<>(Deployment.environment(service(module)).keySet());
            if (module.equals("api-gateway")) {
                // compose's gateway serves HTTPS itself; in the cluster the Ingress ends TLS and the
                // gateway trusts it as the proxy in front (the production profile requires one or the other).
                compose.removeAll(Set.of("TLS_CERTIFICATE", "TLS_KEY"));
                compose.add("LIMITS_TRUSTEDPROXIES");
            }
            assertThat(kubernetes).as(module).isEqualTo(compose);
        }
    }

    @Test
    void everyCredentialComesFromASecret() {
        for (KubernetesManifests rendering : RENDERINGS) {
            for (String module : MODULES) {
                rendering.environment(module).forEach((variable, value) -> {
                    if (Deployment.SECRET_KEY.matcher(Deployment.configKey(variable)).matches() || variable.endsWith("_USERNAME")
                            || variable.startsWith("SECURITY_APIKEYS_")) {
                        assertThat(value.getValueFrom()).as("%s %s %s", rendering.name, module, variable).isNotNull();
                        assertThat(value.getValueFrom().getSecretKeyRef()).as("%s %s %s", rendering.name, module, variable).isNotNull();
                    }
                });
                // a credential inside a URI comes in through a Secret-backed variable, never as text
                assertThat(rendering.environment(module).get("MESSAGING_URI").getValue())
                        .matches("amqp://drivenow:\\$\\(RABBITMQ_PASSWORD\\)@" + RABBITMQ + ":5672/drivenow");
            }
            assertThat(rendering.all(ConfigMap.class)).allSatisfy(configMap -> assertThat(configMap.getData().keySet())
                    .noneMatch(key -> Deployment.SECRET_KEY.matcher(Deployment.configKey(key)).matches()));
        }
    }

    @Test
    void serversReachEachOtherThroughServicesOnThePortsTheyListenOn() {
        for (KubernetesManifests rendering : RENDERINGS) {
            assertThat(rendering.environment(BOOKING).get("INVENTORY_URL").getValue()).isEqualTo(url(rendering, INVENTORY));
            assertThat(rendering.environment(GATEWAY).get("UPSTREAM_INVENTORY").getValue()).isEqualTo(url(rendering, INVENTORY));
            assertThat(rendering.environment(GATEWAY).get("UPSTREAM_BOOKING").getValue()).isEqualTo(url(rendering, BOOKING));
            for (String module : MODULES) {
                Service service = rendering.one(Service.class, module);
                assertThat(service.getSpec().getSelector()).isEqualTo(rendering.deployment(module).getSpec().getSelector().getMatchLabels());
                assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                    assertThat(port.getPort()).isEqualTo(Integer.parseInt(Deployment.jib(module).port()));
                    assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
                });
                assertThat(rendering.environment(module).get("MESSAGING_NAMESPACE").getValue()).isEqualTo("drivenow");
            }
        }
    }

    @Test
    void eachServerLogsInToItsOwnDatabaseWithTheRoleTheOperatorCreates() {
        for (KubernetesManifests rendering : RENDERINGS) {
            JsonNode cluster = rendering.one("Cluster", POSTGRES).get("spec");
            JsonNode initdb = cluster.at("/bootstrap/initdb");
            JsonNode role = single(cluster.at("/managed/roles"), "name", "booking");
            JsonNode database = rendering.one("Database", "drivenow-booking").get("spec");

            // inventory: the bootstrap's database and owner; booking: a managed role and a Database
            assertThat(initdb.path("database").asText()).isEqualTo("inventory");
            assertThat(initdb.path("owner").asText()).isEqualTo("inventory");
            assertThat(role.path("login").asBoolean()).isTrue();
            assertThat(database.path("cluster").path("name").asText()).isEqualTo(POSTGRES);
            assertThat(database.path("name").asText()).isEqualTo("booking");
            assertThat(database.path("owner").asText()).isEqualTo("booking");

            Map<String, String> secretOfRole = Map.of("inventory", initdb.path("secret").path("name").asText(),
                    "booking", role.path("passwordSecret").path("name").asText());
            for (String database_ : List.of("inventory", "booking")) {
                Map<String, EnvVar> environment = rendering.environment(database_ + "-server");
                assertThat(environment.get("DB_CONNECTION_URL").getValue()).isEqualTo("jdbc:postgresql://" + POSTGRES + "-rw:5432/" + database_);
                assertThat(secretKey(environment, "DB_CONNECTION_USERNAME")).isEqualTo(secretOfRole.get(database_) + "/username");
                assertThat(secretKey(environment, "DB_CONNECTION_PASSWORD")).isEqualTo(secretOfRole.get(database_) + "/password");
                // compose's databases and roles have the same names
                assertThat(Deployment.environment(service(database_ + "-server"))).containsEntry("DB_CONNECTION_USERNAME", database_);
                assertThat(cluster.at("/postgresql/pg_hba").valueStream().map(JsonNode::asText))
                        .contains("host " + database_ + " " + database_ + " all scram-sha-256", "host all " + database_ + " all reject");
            }
            assertThat(cluster.path("imageName").asText()).as("the PostgreSQL of compose.yml")
                    .isEqualTo(Deployment.service("postgres").get("image").toString().replace("postgres:", "ghcr.io/cloudnative-pg/postgresql:"));
        }
    }

    @Test
    void theDatabaseAcceptsTheConnectionsOfEveryReplicaTheAutoscalersMayStart() {
        for (KubernetesManifests rendering : RENDERINGS) {
            int connections = 0;
            for (String module : List.of(INVENTORY, BOOKING)) {
                int poolSize = (Integer) Deployment.map(Deployment.map(Deployment.yaml(module + "/src/main/resources/application.yaml").get("db")).get("pool")).get("size");
                connections += rendering.one(HorizontalPodAutoscaler.class, module).getSpec().getMaxReplicas() * poolSize;
            }
            int maxConnections = rendering.one("Cluster", POSTGRES).at("/spec/postgresql/parameters/max_connections").asInt();
            // PostgreSQL keeps 3 for superusers; the operator's instance manager needs a few more
            assertThat(connections).as(rendering.name).isLessThanOrEqualTo(maxConnections - 10);
        }
    }

    @Test
    void theBrokerImportsTheDefinitionsComposeLoadsWithThePasswordTheServersUse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (KubernetesManifests rendering : RENDERINGS) {
            ConfigMap definitions = rendering.one(ConfigMap.class, "drivenow-rabbitmq-definitions");
            assertThat(json.readTree(definitions.getData().get("definitions.json")))
                    .isEqualTo(json.readTree(Deployment.read("deploy/rabbitmq/definitions.json")));

            JsonNode spec = rendering.one("RabbitmqCluster", RABBITMQ).get("spec");
            assertThat(spec.path("image").asText()).isEqualTo(Deployment.service("rabbitmq").get("image"));
            PodSpec pod = KubernetesManifests.strictly(spec.at("/override/statefulSet/spec/template/spec"), PodSpec.class);
            Container fill = pod.getInitContainers().getFirst();
            String loaded = spec.at("/rabbitmq/additionalConfig").asText()
                    .lines().filter(l -> l.startsWith("definitions.local.path = ")).findFirst().orElseThrow().split(" = ")[1];
            assertThat(spec.at("/rabbitmq/additionalConfig").asText()).contains("definitions.import_backend = local_filesystem");
            // the init container writes the file the broker loads, from the ConfigMap, with the servers' password
            assertThat(fill.getCommand().getLast()).contains("@RABBITMQ_PASSWORD@", "/etc/drivenow/template/definitions.json", "> " + loaded);
            assertThat(mountOf(fill, loaded)).isEqualTo(mountOf(pod.getContainers().getFirst(), loaded));
            assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getConfigMap().getName()).isEqualTo("drivenow-rabbitmq-definitions"));
            assertThat(fill.getEnv()).singleElement().satisfies(variable -> assertThat(variable.getValueFrom().getSecretKeyRef())
                    .isEqualTo(rendering.environment(GATEWAY).get("RABBITMQ_PASSWORD").getValueFrom().getSecretKeyRef()));
            for (String module : MODULES) {
                assertThat(rendering.environment(module).get("RABBITMQ_PASSWORD").getValueFrom().getSecretKeyRef())
                        .isEqualTo(fill.getEnv().getFirst().getValueFrom().getSecretKeyRef());
            }
        }
        assertThat(PRODUCTION.one("RabbitmqCluster", RABBITMQ).at("/spec/replicas").asInt()).as("quorum queues keep a majority through one loss").isEqualTo(3);
    }

    @Test
    void probesAskTheHealthEndpointsAndStoppingDrainsBeforeTheServerShutsDown() {
        String openPaths = Deployment.read("platform/src/main/java/com/drivenow/platform/web/InternalCredentialFilter.java");
        for (KubernetesManifests rendering : RENDERINGS) {
            for (String module : MODULES) {
                var deployment = rendering.deployment(module);
                Container container = KubernetesManifests.container(deployment);
                HTTPGetAction startup = container.getStartupProbe().getHttpGet();
                HTTPGetAction liveness = container.getLivenessProbe().getHttpGet();
                HTTPGetAction readiness = container.getReadinessProbe().getHttpGet();
                // live: the process answers; ready: it can serve (the servers: their database answers).
                // The gateway's readiness reports its neighbours, which must not take it out of the Service.
                assertThat(startup.getPath()).isEqualTo("/health/live");
                assertThat(liveness.getPath()).isEqualTo("/health/live");
                assertThat(readiness.getPath()).as(module).isEqualTo(module.equals(GATEWAY) ? "/health/live" : "/health/ready");
                for (HTTPGetAction probe : List.of(startup, liveness, readiness)) {
                    assertThat(probe.getPort().getStrVal()).isEqualTo("http");
                    assertThat(openPaths).as("the servers answer %s without the internal credential", probe.getPath())
                            .contains("\"" + probe.getPath() + "\"");
                }
                int preStop = container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
                assertThat(preStop).as("endpoints drain first").isBetween(3, 10);
                assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                        .isGreaterThan(preStop + SHUTDOWN_GRACE_SECONDS);
                assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
            }
        }
    }

    @Test
    void serversRunUnprivilegedOnAReadOnlyRoot() {
        for (String module : MODULES) {
            PodSpec pod = PRODUCTION.deployment(module).getSpec().getTemplate().getSpec();
            Container container = KubernetesManifests.container(PRODUCTION.deployment(module));
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).singleElement().satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        }
    }

    @Test
    void resourcesComeFromTheMeasuredMemoryAndTheAutoscalersScaleOnCpu() {
        for (KubernetesManifests rendering : RENDERINGS) {
            for (String module : MODULES) {
                ResourceRequirements resources = KubernetesManifests.container(rendering.deployment(module)).getResources();
                // docs/PERFORMANCE.md: about 200 MiB idle, 231-252 MiB after load
                assertThat(resources.getRequests().get("memory")).isEqualTo(new Quantity("320Mi"));
                assertThat(resources.getLimits().get("memory")).isEqualTo(new Quantity("512Mi"));
                assertThat(resources.getRequests()).containsKey("cpu");
                assertThat(Deployment.read(module + "/pom.xml")).as("the heap is sized from the limit").contains("-XX:MaxRAMPercentage=75");

                HorizontalPodAutoscaler hpa = rendering.one(HorizontalPodAutoscaler.class, module);
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(module);
                assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(rendering.deployment(module).getSpec().getReplicas());
                assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
                assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
                    assertThat(metric.getResource().getName()).isEqualTo("cpu");
                    assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
                });

                PodDisruptionBudget budget = rendering.one(PodDisruptionBudget.class, module);
                assertThat(budget.getSpec().getSelector()).isEqualTo(rendering.deployment(module).getSpec().getSelector());
                assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            }
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndEachServerOnlyFromThoseThatCallIt() {
        for (KubernetesManifests rendering : RENDERINGS) {
            assertThat(rendering.all(NetworkPolicy.class)).hasSize(MODULES.size());
            assertThat(allowedFrom(rendering, GATEWAY)).containsExactly("namespace traefik");
            assertThat(allowedFrom(rendering, BOOKING)).containsExactly(GATEWAY);
            assertThat(allowedFrom(rendering, INVENTORY)).containsExactlyInAnyOrder(GATEWAY, BOOKING);

            assertThat(allowedTo(rendering, GATEWAY)).containsExactlyInAnyOrder(BOOKING + ":8081", INVENTORY + ":8082", RABBITMQ + ":5672", "dns");
            assertThat(allowedTo(rendering, BOOKING)).containsExactlyInAnyOrder(INVENTORY + ":8082", POSTGRES + ":5432", RABBITMQ + ":5672", "dns");
            assertThat(allowedTo(rendering, INVENTORY)).containsExactlyInAnyOrder(POSTGRES + ":5432", RABBITMQ + ":5672", "dns");
            for (String module : MODULES) {
                NetworkPolicy policy = rendering.one(NetworkPolicy.class, module);
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(policy.getSpec().getPodSelector()).isEqualTo(rendering.deployment(module).getSpec().getSelector());
                assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getPorts()).singleElement()
                        .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(Integer.parseInt(Deployment.jib(module).port()))));
            }
            Ingress ingress = rendering.one(Ingress.class, GATEWAY);
            assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths()).singleElement()
                    .satisfies(path -> assertThat(path.getBackend().getService().getName()).isEqualTo(GATEWAY)));
            assertThat(rendering.all(Ingress.class)).hasSize(1);
            assertThat(rendering.all(Service.class)).allSatisfy(service -> assertThat(service.getSpec().getType()).isNull());
        }
    }

    @Test
    void productionRunsEverythingReplicatedBehindTlsWithTheProductionProfile() {
        assertThat(PRODUCTION.resources).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asText())
                .isEqualTo(resource.path("kind").asText().equals("Namespace") ? "" : "drivenow"));
        assertThat(PRODUCTION.one(io.fabric8.kubernetes.api.model.Namespace.class, "drivenow").getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "baseline");
        for (String module : MODULES) {
            assertThat(PRODUCTION.deployment(module).getSpec().getReplicas()).as(module).isGreaterThanOrEqualTo(2);
            assertThat(PRODUCTION.one(HorizontalPodAutoscaler.class, module).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        assertThat(PRODUCTION.one("Cluster", POSTGRES).at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);

        Ingress ingress = PRODUCTION.one(Ingress.class, GATEWAY);
        assertThat(ingress.getSpec().getIngressClassName()).isNotBlank();
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("drivenow-gateway-tls");
            assertThat(tls.getHosts()).containsExactlyElementsOf(ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList());
        });

        // no demo settings: the production profile (which refuses every demo secret) and no Secret values in the repository
        for (String module : MODULES) {
            assertThat(PRODUCTION.environment(module).get("SECURITY_PRODUCTION").getValue()).as(module).isEqualTo("true");
        }
        assertThat(PRODUCTION.all(Secret.class)).isEmpty();
        String readme = Deployment.read("README.md");
        referencedSecrets(PRODUCTION).forEach((secret, keys) -> {
            assertThat(readme).as("the README creates Secret %s", secret).contains("create secret generic " + secret + " ");
            String command = readme.substring(readme.indexOf("create secret generic " + secret + " ") + 1);
            command = command.substring(0, Stream.of(command.indexOf("create secret"), command.indexOf("```"), command.length())
                    .filter(i -> i >= 0).min(Integer::compare).orElseThrow());
            for (String key : keys) {
                assertThat(command).as("the README gives Secret %s its key %s", secret, key).contains("--from-literal=" + key + "=");
            }
        });
        assertThat(readme).contains("create secret tls drivenow-gateway-tls ");
    }

    @Test
    void devRunsOneOfEverythingWithTheDemoSignInsAndItsOwnSecrets() {
        assertThat(DEV.resources).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asText())
                .isEqualTo(resource.path("kind").asText().equals("Namespace") ? "" : "drivenow-dev"));
        for (String module : MODULES) {
            assertThat(DEV.deployment(module).getSpec().getReplicas()).isEqualTo(1);
            assertThat(DEV.one(HorizontalPodAutoscaler.class, module).getSpec().getMaxReplicas()).isEqualTo(2);
        }
        assertThat(DEV.one("Cluster", POSTGRES).at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(DEV.one("RabbitmqCluster", RABBITMQ).at("/spec/replicas").asInt()).isEqualTo(1);
        for (String module : MODULES) {
            // the development token and demo accounts of secrets.yaml: the production profile would refuse them
            assertThat(DEV.environment(module).get("SECURITY_PRODUCTION").getValue()).as(module).isEqualTo("false");
        }
        assertThat(DEV.one(Ingress.class, GATEWAY).getSpec().getTls()).isEmpty();

        // every Secret a workload or an operator reads is there, with the keys it reads
        Map<String, Secret> secrets = DEV.all(Secret.class).stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        assertThat(secrets.keySet()).isEqualTo(referencedSecrets(DEV).keySet());
        referencedSecrets(DEV).forEach((name, keys) -> assertThat(secrets.get(name).getStringData()).containsKeys(keys.toArray(String[]::new)));
        // the operator's roles log in with the names the servers use
        assertThat(secrets.get("drivenow-db-inventory").getStringData()).containsEntry("username", "inventory");
        assertThat(secrets.get("drivenow-db-booking").getStringData()).containsEntry("username", "booking");
        assertThat(secrets.get("drivenow-db-booking").getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(secrets.get("drivenow-db-inventory").getType()).isEqualTo("kubernetes.io/basic-auth");
    }

    /** Secret name to the keys read from it: by the servers, the broker's init container and the PostgreSQL operator. */
    private static Map<String, Set<String>> referencedSecrets(KubernetesManifests rendering) {
        Map<String, Set<String>> secrets = new java.util.TreeMap<>();
        List<Container> containers = new ArrayList<>();
        MODULES.forEach(module -> containers.add(KubernetesManifests.container(rendering.deployment(module))));
        containers.addAll(KubernetesManifests.strictly(rendering.one("RabbitmqCluster", RABBITMQ).at("/spec/override/statefulSet/spec/template/spec"),
                PodSpec.class).getInitContainers());
        containers.stream().flatMap(c -> c.getEnv().stream()).filter(v -> v.getValueFrom() != null)
                .map(v -> v.getValueFrom().getSecretKeyRef())
                .forEach(ref -> secrets.computeIfAbsent(ref.getName(), n -> new TreeSet<>()).add(ref.getKey()));
        JsonNode cluster = rendering.one("Cluster", POSTGRES).get("spec");
        Stream.concat(Stream.of(cluster.at("/bootstrap/initdb/secret/name")), cluster.at("/managed/roles").valueStream().map(r -> r.at("/passwordSecret/name")))
                .forEach(name -> secrets.computeIfAbsent(name.asText(), n -> new TreeSet<>()).addAll(Set.of("username", "password")));
        return secrets;
    }

    private static Set<String> allowedFrom(KubernetesManifests rendering, String module) {
        Set<String> sources = new LinkedHashSet<>();
        rendering.one(NetworkPolicy.class, module).getSpec().getIngress()
                .forEach(rule -> rule.getFrom().forEach(peer -> sources.add(peer(peer))));
        return sources;
    }

    private static Set<String> allowedTo(KubernetesManifests rendering, String module) {
        Set<String> targets = new LinkedHashSet<>();
        rendering.one(NetworkPolicy.class, module).getSpec().getEgress().forEach(rule -> rule.getTo().forEach(peer -> {
            String target = peer(peer);
            if (target.equals("namespace kube-system k8s-app=kube-dns")) {
                assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                        .containsExactlyInAnyOrder("UDP/53", "TCP/53");
                targets.add("dns");
            } else {
                rule.getPorts().forEach(port -> targets.add(target + ":" + port.getPort().getIntVal()));
            }
        }));
        return targets;
    }

    /** A peer as the name of the pods it selects (a server, the PostgreSQL cluster, the broker) or a namespace. */
    private static String peer(NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).isNull();
        Map<String, String> pods = peer.getPodSelector() == null ? Map.of() : labels(peer.getPodSelector());
        if (peer.getNamespaceSelector() != null) {
            String namespace = labels(peer.getNamespaceSelector()).get("kubernetes.io/metadata.name");
            return "namespace " + namespace + pods.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
        }
        assertThat(pods).hasSize(1);
        return pods.containsKey("cnpg.io/cluster") ? pods.get("cnpg.io/cluster") : pods.get("app.kubernetes.io/name");
    }

    private static Map<String, String> labels(LabelSelector selector) {
        assertThat(selector.getMatchExpressions()).isEmpty();
        return selector.getMatchLabels();
    }

    /** The walk of an operator's resource: only the listed fields, an embedded Kubernetes type read strictly. */
    private static void checkOperatorFields(JsonNode node, String path, Set<String> fields) {
        Set<String> allowed = new LinkedHashSet<>(METADATA);
        allowed.addAll(fields);
        if (EMBEDDED.containsKey(path) && allowed.contains(path)) {
            KubernetesManifests.strictly(node, EMBEDDED.get(path));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (allowed.stream().anyMatch(a -> a.equals(child) || a.startsWith(child + ".") || a.startsWith(child + "[]"))) {
                    checkOperatorFields(field.getValue(), child, fields);
                } else if (allowed.contains(path + ".*")) {
                    checkOperatorFields(field.getValue(), path + ".*", fields);
                } else {
                    throw new AssertionError(child + " is not a field the operator's API reference names");
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> checkOperatorFields(element, path + "[]", fields));
        } else if (!allowed.contains(path)) {
            throw new AssertionError(path + " is not a field the operator's API reference names");
        }
    }

    /** Environment variables that are there only for others' $(NAME) references. */
    private static Set<String> helpers(Map<String, EnvVar> environment) {
        Set<String> helpers = new TreeSet<>();
        environment.values().forEach(variable -> {
            Matcher reference = REFERENCE.matcher(variable.getValue() == null ? "" : variable.getValue());
            while (reference.find()) {
                helpers.add(reference.group(1));
            }
        });
        return helpers;
    }

    private static String secretKey(Map<String, EnvVar> environment, String variable) {
        SecretKeySelector reference = environment.get(variable).getValueFrom().getSecretKeyRef();
        return reference.getName() + "/" + reference.getKey();
    }

    private static String mountOf(Container container, String file) {
        return container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath() + "/"))
                .map(m -> m.getName()).findFirst().orElseThrow(() -> new AssertionError(container.getName() + " does not mount " + file));
    }

    private static String url(KubernetesManifests rendering, String module) {
        Service service = rendering.one(Service.class, module);
        String url = "http://" + service.getMetadata().getName() + ":" + service.getSpec().getPorts().getFirst().getPort();
        assertThat(URI.create(url).getPort()).isEqualTo(Integer.parseInt(Deployment.jib(module).port()));
        return url;
    }

    private static JsonNode single(JsonNode list, String field, String value) {
        List<JsonNode> matches = list.valueStream().filter(node -> node.path(field).asText().equals(value)).toList();
        assertThat(matches).hasSize(1);
        return matches.getFirst();
    }

    /** The compose service that runs a module. */
    private static String service(String module) {
        return Deployment.SERVERS.entrySet().stream().filter(e -> e.getValue().equals(module)).findFirst().orElseThrow().getKey();
    }
}
