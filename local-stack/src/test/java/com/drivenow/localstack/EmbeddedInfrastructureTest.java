package com.drivenow.localstack;

import com.drivenow.localstack.embedded.EmbeddedAmqpBroker;
import com.drivenow.localstack.embedded.EmbeddedPostgresServer;
import com.drivenow.localstack.embedded.FreePorts;
import com.drivenow.localstack.testing.TcpProxy;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfrastructureTest {

    @Test
    void embeddedBrokerRoutesConfirmsAndSurvivesARestartOnTheSamePort(@TempDir Path work) throws Exception {
        int port = FreePorts.find();
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(port, work)) {
            assertThat(roundTrip(broker.uri())).isEqualTo("hello");
            broker.stop();
            assertThatThrownBy(() -> roundTrip(broker.uri())).isInstanceOf(java.io.IOException.class);
            broker.startAgain();
            assertThat(roundTrip(broker.uri())).isEqualTo("hello");
        }
    }

    @Test
    void embeddedPostgresKeepsItsDataAcrossARestart(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, data, work.resolve("bin"))) {
            pg.ensureDatabase("kept");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("kept")); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (text TEXT)");
                s.execute("INSERT INTO note VALUES ('still here')");
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, data, work.resolve("bin"));
             var c = DriverManager.getConnection(pg.jdbcUrl("kept")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void freshDatabasesAreSeparate() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String a = infra.freshDatabase("a");
        String b = infra.freshDatabase("b");
        assertThat(a).isNotEqualTo(b);
        try (var c = DriverManager.getConnection(a); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_in_a (id INT)");
        }
        try (var c = DriverManager.getConnection(b); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void proxyCutDropsConnectionsAndRestoreLetsThemBack(@TempDir Path work) throws Exception {
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(FreePorts.find(), work);
             TcpProxy proxy = TcpProxy.to("127.0.0.1", broker.port())) {
            String viaProxy = "amqp://guest:guest@127.0.0.1:" + proxy.port() + "/%2F";
            assertThat(roundTrip(viaProxy)).isEqualTo("hello");
            proxy.cut();
            assertThatThrownBy(() -> roundTrip(viaProxy)).isInstanceOf(java.io.IOException.class);
            proxy.restore();
            assertThat(roundTrip(viaProxy)).isEqualTo("hello");
        }
    }

    private static String roundTrip(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setConnectionTimeout(2000);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.confirmSelect();
            channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5000);
            GetResponse response = channel.basicGet(queue, true);
            return new String(response.getBody(), StandardCharsets.UTF_8);
        }
    }
}
