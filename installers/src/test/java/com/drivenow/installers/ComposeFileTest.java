package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.drivenow.installers.Deployment.SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/** compose.yml is valid Compose and wires the system the way the servers read their configuration. */
class ComposeFileTest {

    /** ${NAME}, ${NAME:-default}, ${NAME:?message} and the other Compose interpolation forms. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?+])?([^}]*)}");
    /** .env variables whose values are credentials (the configuration keys: {@link Deployment#SECRET_KEY}). */
    private static final Pattern SECRET_VARIABLE = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|SHA256).*");

    @Test
    void validAgainstTheComposeSpecification() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode specification = json.readTree(Deployment.read("deploy/compose-spec/compose-spec.json"));
        // The schema declares draft 2019-09 but still names its parts with draft-04 "id", which 2019-09
        // validators reject: read "id" as the annotation it is.
        JsonMetaSchema draft201909WithId = JsonMetaSchema.builder(specification.path("$schema").asText(), JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id"))
                .build();
        JsonSchema schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
                .metaSchema(draft201909WithId)
                .build()
                .getSchema(specification);

        Set<ValidationMessage> errors = schema.validate(json.valueToTree(Deployment.compose()));

        assertThat(errors).isEmpty();
    }

    @Test
    void runsTheWholeSystem() {
        assertThat(Deployment.services()).containsOnlyKeys("postgres", "rabbitmq", "inventory", "booking", "gateway");
    }

    @Test
    void serversAreSetOnlyThroughKeysTheyRead() {
        SERVERS.forEach((service, module) -> {
            Set<String> known = Deployment.configKeys(module);
            assertThat(Deployment.environment(service).keySet())
                    .as("environment of %s, against %s/src/main/resources/application.yaml", service, module)
                    .allSatisfy(variable -> assertThat(known).contains(Deployment.configKey(variable)));
        });
    }

    @Test
    void serversReachEachOtherAtThePortsTheyListenOn() {
        assertThat(Deployment.environment("booking")).containsEntry("INVENTORY_URL", url("inventory"));
        assertThat(Deployment.environment("gateway"))
                .containsEntry("UPSTREAM_INVENTORY", url("inventory"))
                .containsEntry("UPSTREAM_BOOKING", url("booking"));
    }

    @Test
    void eachServerUsesItsOwnDatabaseAndTheDriveNowVirtualHost() {
        for (String service : List.of("inventory", "booking")) {
            Map<String, String> environment = Deployment.environment(service);
            assertThat(environment).containsEntry("DB_CONNECTION_URL", "jdbc:postgresql://postgres:5432/" + service)
                    .containsEntry("DB_CONNECTION_USERNAME", service);
            assertThat(Deployment.read("deploy/postgres/init-databases.sh")).contains("create_database " + service + " ");
        }
        for (String service : SERVERS.keySet()) {
            assertThat(Deployment.environment(service).get("MESSAGING_URI")).as(service).matches("amqp://drivenow:.*@rabbitmq:5672/drivenow");
            assertThat(Deployment.environment(service)).containsEntry("MESSAGING_NAMESPACE", "drivenow");
        }
    }

    @Test
    void onlyTheGatewayIsPublished() {
        Deployment.services().forEach((name, service) ->
                assertThat(Deployment.map(service).containsKey("ports")).as("%s publishes a port", name).isEqualTo(name.equals("gateway")));
        assertThat(Deployment.list(Deployment.service("gateway").get("ports"))).containsExactly("${GATEWAY_PORT:-8080}:8080");
        assertThat(Deployment.environment("gateway")).containsEntry("SERVER_PORT", "8080");
    }

    @Test
    void everythingWaitsForHealthyDependencies() {
        Deployment.services().forEach((name, service) -> {
            Map<String, Object> definition = Deployment.map(service);
            assertThat(definition.get("healthcheck")).as("%s has a health check", name).isNotNull();
            Deployment.map(definition.get("depends_on")).forEach((dependency, condition) -> assertThat(Deployment.map(condition).get("condition"))
                    .as("%s on %s", name, dependency).isEqualTo("service_healthy"));
        });
        assertThat(dependencies("inventory")).containsOnlyKeys("postgres", "rabbitmq");
        assertThat(dependencies("booking")).containsOnlyKeys("postgres", "rabbitmq", "inventory");
        assertThat(dependencies("gateway")).containsOnlyKeys("rabbitmq", "inventory", "booking");
    }

    @Test
    void serversRunTheirJibImagesOnThePortsTheImagesExpose() {
        SERVERS.forEach((service, module) -> {
            String pom = Deployment.read(module + "/pom.xml");
            assertThat(pom).contains("<image>drivenow/" + module + ":${project.version}</image>", "<tag>latest</tag>")
                    .contains("<port>" + Deployment.environment(service).get("SERVER_PORT") + "</port>");
            assertThat(Deployment.service(service).get("image")).isEqualTo("drivenow/" + module + ":${DRIVENOW_VERSION:-latest}");
        });
    }

    @Test
    void theGatewayRunsWithTheProductionProfile() {
        assertThat(Deployment.environment("gateway")).containsEntry("SECURITY_PRODUCTION", "true");
    }

    @Test
    void secretsMustBeGivenAndHaveNoDefault() {
        Deployment.services().forEach((name, service) -> Deployment.environment(name).forEach((variable, value) -> {
            if (Deployment.SECRET_KEY.matcher(Deployment.configKey(variable)).matches()) {
                assertThat(value).as("%s %s", name, variable).matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
            }
        }));
        Matcher variables = VARIABLE.matcher(Deployment.read("compose.yml"));
        while (variables.find()) {
            String expected = SECRET_VARIABLE.matcher(variables.group(1)).matches() ? ":?" : ":-";
            assertThat(variables.group(2)).as("${%s} is required or has a default", variables.group(1)).isIn(":?", expected);
            assertThat(Deployment.read(".env.example")).as(".env.example explains %s", variables.group(1))
                    .containsPattern("(?m)^" + variables.group(1) + "=");
        }
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertThat(Deployment.map(Deployment.compose().get("volumes"))).containsOnlyKeys("postgres-data", "rabbitmq-data");
        assertThat(Deployment.list(Deployment.service("postgres").get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
        assertThat(Deployment.list(Deployment.service("rabbitmq").get("volumes"))).contains("rabbitmq-data:/var/lib/rabbitmq");
    }

    private static String url(String service) {
        return "http://" + service + ":" + Deployment.environment(service).get("SERVER_PORT");
    }

    private static Map<String, Object> dependencies(String service) {
        return Deployment.map(Deployment.service(service).get("depends_on"));
    }
}
