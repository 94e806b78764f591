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
        String url = TestInfrastructure.get().freshDatabase(purpose);
        Config db = Config.just(ConfigSources.create(Map.of("connection.url", url, "pool.size", "8")));
        return Database.start(db, purpose, "db/platform-test");
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
