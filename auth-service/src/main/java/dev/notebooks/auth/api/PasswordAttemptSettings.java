package dev.notebooks.auth.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How many failed current-password checks an account, and a caller (client address), may have in a sliding window
 * ({@code auth.password-attempts.*}). Counted in memory by each replica: with N replicas behind a load balancer an
 * attacker gets up to N times the limits. Behind a gateway, set {@code micronaut.server.client-address-header} (e.g.
 * {@code X-Forwarded-For}) so the caller is the client, not the gateway.
 */
@ConfigurationProperties(PasswordAttemptSettings.PREFIX)
public class PasswordAttemptSettings {

    public static final String PREFIX = "auth.password-attempts";

    public static final int DEFAULT_MAX_FAILURES_PER_ACCOUNT = 5;
    /** Higher than per account: several users may share an address (NAT, a proxy without the header). */
    public static final int DEFAULT_MAX_FAILURES_PER_CALLER = 20;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private int maxFailuresPerAccount = DEFAULT_MAX_FAILURES_PER_ACCOUNT;
    private int maxFailuresPerCaller = DEFAULT_MAX_FAILURES_PER_CALLER;
    private Duration window = DEFAULT_WINDOW;

    /** @return failures allowed per account within the window. Default {@value #DEFAULT_MAX_FAILURES_PER_ACCOUNT}. */
    public int getMaxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public void setMaxFailuresPerAccount(int maxFailuresPerAccount) {
        this.maxFailuresPerAccount = Math.max(1, maxFailuresPerAccount);
    }

    /**
     * @return failures allowed per client address within the window, whichever accounts they were for. Default
     *     {@value #DEFAULT_MAX_FAILURES_PER_CALLER}.
     */
    public int getMaxFailuresPerCaller() {
        return maxFailuresPerCaller;
    }

    public void setMaxFailuresPerCaller(int maxFailuresPerCaller) {
        this.maxFailuresPerCaller = Math.max(1, maxFailuresPerCaller);
    }

    /** @return how long a failure counts. Default 15 minutes. */
    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }
}
