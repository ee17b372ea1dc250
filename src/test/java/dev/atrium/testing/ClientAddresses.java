package dev.atrium.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for tests that count per address (throttles, limits): each call gives one no other test
 * has used in this run, so counts never leak between tests. They come from the shared address space of
 * RFC 6598 (100.64.0.0/10), which no test names by hand (the documentation ranges are used for fixed ones).
 */
public final class ClientAddresses {

    private static final AtomicInteger USED = new AtomicInteger();

    private ClientAddresses() {
    }

    /** An address not handed out before in this run. */
    public static String unused() {
        int n = USED.getAndIncrement();
        return "100." + (64 + n / 62_500) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
