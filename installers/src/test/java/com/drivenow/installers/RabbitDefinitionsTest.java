package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/rabbitmq/definitions.json gives our queues (names from docs/ARCHITECTURE.md with the
 * namespace compose.yml sets) the production behaviour the code cannot ask for itself.
 */
class RabbitDefinitionsTest {

    private static final List<String> CONSUMER_QUEUES = List.of("drivenow.inventory.booking-events", "drivenow.booking.fleet-events");

    private final JsonNode definitions = read();

    @Test
    void theVirtualHostMakesArgumentLessQueuesQuorumQueues() {
        JsonNode vhost = single("vhosts", "name", "drivenow");
        assertThat(vhost.path("default_queue_type").asText()).isEqualTo("quorum");
        assertThat(vhost.path("metadata").path("default_queue_type").asText()).isEqualTo("quorum");
    }

    @Test
    void theApplicationUserMayUseOnlyItsVirtualHost() {
        assertThat(single("users", "name", "drivenow").path("password").asText())
                .as("filled in from RABBITMQ_PASSWORD by start.sh").isEqualTo("@RABBITMQ_PASSWORD@");
        assertThat(definitions.path("permissions")).singleElement()
                .satisfies(p -> assertThat(p.path("vhost").asText()).isEqualTo("drivenow"));
        assertThat(Deployment.read("deploy/rabbitmq/start.sh")).contains("@RABBITMQ_PASSWORD@");
    }

    @Test
    void consumerQueuesHaveADeliveryLimitAndDeadLetterIntoADeclaredQueue() {
        JsonNode policy = single("policies", "name", "drivenow-consumer-queues");
        Pattern pattern = Pattern.compile(policy.path("pattern").asText());
        assertThat(CONSUMER_QUEUES).allSatisfy(queue -> assertThat(pattern.matcher(queue).find()).as(queue).isTrue());
        assertThat(CONSUMER_QUEUES).allSatisfy(queue ->
                assertThat(pattern.matcher(queue + ".parking").find()).as("parking queues keep what they hold").isFalse());
        assertThat(policy.path("apply-to").asText()).isEqualTo("queues");

        JsonNode definition = policy.path("definition");
        assertThat(definition.path("delivery-limit").asInt()).isPositive();
        String exchange = definition.path("dead-letter-exchange").asText();
        single("exchanges", "name", exchange);
        JsonNode binding = single("bindings", "source", exchange);
        JsonNode deadLetters = single("queues", "name", binding.path("destination").asText());
        assertThat(pattern.matcher(deadLetters.path("name").asText()).find()).as("the dead-letter queue has no dead-letter loop").isFalse();
    }

    @Test
    void theBrokerLoadsTheseDefinitions() {
        assertThat(Deployment.read("deploy/rabbitmq/rabbitmq.conf")).contains("definitions.local.path = /tmp/drivenow-definitions.json");
        assertThat(Deployment.read("deploy/rabbitmq/start.sh")).contains("> /tmp/drivenow-definitions.json");
    }

    private JsonNode single(String category, String field, String value) {
        List<JsonNode> matches = definitions.path(category).valueStream()
                .filter(node -> node.path(field).asText().equals(value)).toList();
        assertThat(matches).as("%s with %s %s", category, field, value).hasSize(1);
        return matches.getFirst();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Deployment.read("deploy/rabbitmq/definitions.json"));
        } catch (Exception e) {
            throw new IllegalStateException("deploy/rabbitmq/definitions.json is not JSON", e);
        }
    }
}
