package com.drivenow.platform;

import com.drivenow.platform.db.Database;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.Map;

/** Real PostgreSQL and broker for the platform's tests. */
public final class PlatformTestSupport {

    private PlatformTestSupport() {
    }

    public static Database freshDatabase(String purpose) {
        return database(TestInfrastructure.get().freshDatabase(purpose), purpose, Map.of());
    }

    /** The platform's test tables on the database at {@code url}, with extra pool settings. */
    public static Database database(String url, String purpose, Map<String, String> poolSettings) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("connection.url", url, "pool.size", "8",
                "pool.connection-timeout", "PT5S", "pool.initialization-timeout", "PT30S"));
        settings.putAll(poolSettings);
        return Database.start(Config.just(ConfigSources.create(settings)), purpose, "db/platform-test");
    }

    /** A plain client connection for tests to publish and inspect queues. */
    public static Connection rawConnection(String uri) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            return factory.newConnection("platform-test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(Channel channel, String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
