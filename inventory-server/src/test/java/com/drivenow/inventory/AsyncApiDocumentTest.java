package com.drivenow.inventory;

import com.drivenow.inventory.bookingevents.BookingEventType;
import com.drivenow.inventory.fleet.FleetEventType;
import com.drivenow.platform.messaging.MessagingTopology;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml must describe every routing key this server publishes or handles, on the
 * exchanges and queues the code really uses, so the document cannot silently drift from the code.
 */
class AsyncApiDocumentTest {

    private static final MessagingTopology DOCUMENTED = new MessagingTopology("{namespace}");
    private final Map<String, Object> document = load(Path.of("..", "docs", "asyncapi.yaml"));

    @Test
    void isAnAsyncApi3DocumentWhoseReferencesAllResolve() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
    }

    @Test
    void everyQueueAndExchangeOfTheTopologyIsAChannel() {
        List<String> addresses = map(document.get("channels")).values().stream()
                .map(channel -> (String) map(channel).get("address")).toList();
        assertThat(addresses).contains(DOCUMENTED.bookingExchange(), DOCUMENTED.fleetExchange());
        assertThat(addresses).containsAll(DOCUMENTED.durableQueues());
    }

    @Test
    void everyFleetEventInventoryPublishesIsSentOnTheFleetExchangeWithABody() {
        for (FleetEventType type : FleetEventType.values()) {
            assertSentWithBody(type.routingKey(), DOCUMENTED.fleetExchange());
        }
    }

    @Test
    void everyBookingEventInventoryHandlesIsOnItsQueueWithABody() {
        Map<String, Object> queue = channelAt(DOCUMENTED.inventoryBookingEventsQueue());
        List<String> names = map(queue.get("messages")).values().stream()
                .map(ref -> (String) map(resolve((String) map(ref).get("$ref"))).get("name")).toList();
        for (BookingEventType type : BookingEventType.values()) {
            assertThat(names).as("messages of the inventory queue").contains(type.routingKey());
            assertSentWithBody(type.routingKey(), DOCUMENTED.bookingExchange());
        }
        assertThat(operationsOn(queue)).as("a receive operation on the inventory queue")
                .anySatisfy(op -> assertThat(op.get("action")).isEqualTo("receive"));
    }

    @Test
    void everyFieldOfTheEventsInventoryReadsAndWritesIsDocumented() {
        assertDocuments("BookingEvent", com.drivenow.inventory.bookingevents.BookingEvent.class);
        assertDocuments("BookingConflict", com.drivenow.inventory.fleet.BookingConflict.class);
        assertDocuments("BranchEvent", com.drivenow.inventory.fleet.BranchEvent.class);
        assertDocuments("Branch", com.drivenow.inventory.branch.Branch.class);
        Map<String, Object> carState = map(map(document, "components", "schemas", "BookingEvent", "properties")
                .get("carState"));
        assertThat(map(carState.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(
                components(com.drivenow.inventory.bookingevents.BookingEvent.CarState.class));
        assertThat(map(document, "components", "schemas", "BookingEvent").get("required").toString()).contains("carState");
    }

    private void assertDocuments(String schema, Class<? extends Record> body) {
        assertThat(map(document, "components", "schemas", schema, "properties").keySet())
                .as("documented fields of %s", schema).containsAll(components(body));
    }

    private static List<String> components(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    @SuppressWarnings("unchecked")
    private void assertSentWithBody(String routingKey, String exchange) {
        Map<String, Object> channel = channelAt(exchange);
        assertThat(operationsOn(channel))
                .as("a send operation on %s with routing key %s", exchange, routingKey)
                .anySatisfy(op -> {
                    assertThat(op.get("action")).isEqualTo("send");
                    assertThat((List<Object>) map(map(op.get("bindings")).get("amqp")).get("cc")).contains(routingKey);
                });
        Map<String, Object> message = map(document, "components", "messages").values().stream()
                .map(AsyncApiDocumentTest::map)
                .filter(m -> routingKey.equals(m.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no message named " + routingKey));
        Map<String, Object> payload = map(resolve((String) map(message.get("payload")).get("$ref")));
        assertThat(payload.get("type")).isEqualTo("object");
        assertThat((List<Object>) payload.get("required")).contains("eventId", "eventType", "occurredAt");
    }

    private Map<String, Object> channelAt(String address) {
        return map(document.get("channels")).values().stream().map(AsyncApiDocumentTest::map)
                .filter(c -> address.equals(c.get("address")))
                .findFirst().orElseThrow(() -> new AssertionError("no channel at " + address));
    }

    private List<Map<String, Object>> operationsOn(Map<String, Object> channel) {
        return map(document.get("operations")).values().stream().map(AsyncApiDocumentTest::map)
                .filter(op -> resolve((String) map(op.get("channel")).get("$ref")) == channel)
                .toList();
    }

    /** Resolves a local JSON pointer such as {@code #/components/messages/carAdded}. */
    private Object resolve(String ref) {
        assertThat(ref).startsWith("#/");
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return node;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String part : path) {
            current = ((Map<String, Object>) current).get(part);
        }
        return (Map<String, Object>) Objects.requireNonNull(current, () -> "missing " + String.join("/", path));
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
