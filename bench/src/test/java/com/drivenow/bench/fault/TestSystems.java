package com.drivenow.bench.fault;

import com.drivenow.bench.system.SystemSettings;
import com.drivenow.localstack.testing.TestInfrastructure;

import java.util.List;

/** Where the suites' systems run in tests: TestInfrastructure's PostgreSQL and broker. */
final class TestSystems {

    private TestSystems() {
    }

    static SystemSettings settings(String purpose) {
        return settings(purpose, List.of());
    }

    static SystemSettings settings(String purpose, List<String> serverJavaOptions) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        // The suite makes its own databases; any database of the test server serves to create them from.
        String adminUrl = infrastructure.freshDatabase(purpose + "_admin");
        return new SystemSettings(SystemSettings.repositoryRoot(), adminUrl, infrastructure.amqp(),
                SystemSettings.repositoryRoot().resolve("bench").resolve("target").resolve("bench-logs"), serverJavaOptions);
    }
}
