package com.drivenow.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are judged by length and estimated entropy, not by a list of known bad values. */
class ProductionProfileTest {

    @Test
    void shortOrPredictableSecretsAreWeakAndRandomOnesAreNot() {
        assertThat(ProductionProfile.weakness("internal.token", "change-me")).hasValueSatisfying(w -> assertThat(w).contains("too short"));
        assertThat(ProductionProfile.weakness("internal.token", "dev-internal-token")).isPresent();
        assertThat(ProductionProfile.weakness("internal.token", "a".repeat(64))).hasValueSatisfying(w -> assertThat(w).contains("predictable"));
        assertThat(ProductionProfile.weakness("internal.token", "ab".repeat(32))).isPresent();
        assertThat(ProductionProfile.weakness("internal.token", null)).hasValueSatisfying(w -> assertThat(w).contains("not set"));

        assertThat(ProductionProfile.weakness("internal.token", "3f9c2a7e1b5d4c8a9e0f6b2d7c1a5e3f9b8d4c2a6e0f1b7d")).isEmpty();
        assertThat(ProductionProfile.weakness("internal.token", "9b1e5c7a3d2f4e6a8c0b1d3f5e7a9c2b")).isEmpty();
    }
}
