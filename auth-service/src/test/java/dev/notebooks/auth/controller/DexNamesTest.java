package dev.notebooks.auth.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.auth.domain.Account;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Object names as Dex's Kubernetes storage derives them: {@code idToName(strings.ToLower(email), fnv.New64)}. The
 * expected names were computed outside Java from Dex's definition: base32 (alphabet {@code a-z2-7}, padding trimmed)
 * of the email's bytes followed by {@code fnv.New64().Sum(nil)} = {@code cbf29ce484222325}.
 */
class DexNamesTest {

    @ParameterizedTest
    @CsvSource({
        "user@example.com, ovzwk4samv4gc3lqnrss4y3pnxf7fhheqqrcgji",
        "admin@example.com, mfsg22loibsxqylnobwgkltdn5w4x4u44scceizf",
        "User@Example.COM, ovzwk4samv4gc3lqnrss4y3pnxf7fhheqqrcgji"
    })
    void passwordNamesAreDexsEncodingOfTheLowerCasedEmail(String email, String name) {
        assertThat(DexNames.passwordName(email)).isEqualTo(name);
    }

    @Test
    void thePasswordObjectCarriesTheHashAsGoEncodesAByteSlice() {
        Account account = new Account(
                "user@example.com",
                "user",
                "15841185641784",
                "$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72",
                Instant.EPOCH,
                Instant.EPOCH);

        assertThat(KubernetesDexStore.encodeHash(account.hash()))
                .isEqualTo("JDJ5JDEyJDRLL1ZrbURkMXExT3JiM3hBdDgyenU4Z2s3QWQ2UmVGUjRMQ1A5VWVZRTkwTkxpTjlEZjcy");
    }
}
