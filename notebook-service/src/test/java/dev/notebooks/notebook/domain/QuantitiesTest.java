package dev.notebooks.notebook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.5",
        "500m, 0.5",
        "1Gi, 1073741824",
        "1.5Gi, 1610612736",
        "2G, 2000000000",
        "1e3, 1000",
        "512Mi, 536870912"
    })
    void everyKubernetesUnitIsUnderstood(String text, String value) {
        assertThat(Quantities.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "1GB", "one", "", " ", "1.2.3", "Gi"})
    void whatKubernetesRefusesIsNoQuantity(String text) {
        assertThat(Quantities.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
        "0.5, 1.2, 0.6", // JWA's default
        "1.0Gi, 1.2, 1.2Gi", // JWA's default
        "1, 1.2, 1.2",
        "2, 1.2, 2.4",
        "500m, 1.2, 600m", // JWA: ValueError, 500
        "512Mi, 1.5, 768Mi", // JWA: ValueError, 500
        "0.1, 1.2, 0.1", // rounds to JWA's one decimal, never below the request
        "100m, 1.2, 120m",
        "4, 1, 4",
    })
    void aLimitIsTheRequestTimesTheFactorInTheRequestsUnit(String request, String factor, String limit) {
        assertThat(Quantities.scaled(request, new BigDecimal(factor))).isEqualTo(limit);
    }

    @ParameterizedTest
    @CsvSource({
        "2.5, false, 2.5",
        "0.25, false, 0.25",
        "4, false, 4",
        "1610612736, true, 1.5Gi",
        "536870912, true, 512Mi",
        "100, true, 100"
    })
    void messagesShowQuantitiesAsPeopleWriteThem(String value, boolean bytes, String text) {
        assertThat(Quantities.human(new BigDecimal(value), bytes)).isEqualTo(text);
    }
}
