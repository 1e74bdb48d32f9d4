package dev.handscope.app.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    @Test
    void aFloodOfLinesPrintsAFewASecondAndCountsTheRest() {
        AtomicLong now = new AtomicLong();
        List<String> printed = new ArrayList<>();
        RateLimitedLog log = new RateLimitedLog(5, now::get, printed::add);
        for (int i = 0; i < 20_000; i++) { // 20,000 junk messages in 3 s
            now.set(i * TimeUnit.SECONDS.toNanos(3) / 20_000);
            int n = i;
            log.print(() -> "line " + n);
        }
        log.printLeftOut();

        assertEquals(16, printed.size(), printed.toString()); // 5 a second for 3 s, then the count
        assertEquals("line 6667 (6662 similar lines left out)", printed.get(5));
        assertEquals("handscope serve: (6661 similar lines left out)", printed.get(15)); // the last second had 6666
        log.printLeftOut();
        assertEquals(16, printed.size(), "nothing more left out");
    }
}
