package io.kalpana.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KalpanaConfigTest {

    @Test
    void commaListsSplitOnUnescapedCommasOnly() {
        assertEquals(List.of("a", "b{1,2}", "c"), KalpanaConfig.commaList(Optional.of(" a , b{1\\,2},c,")));
        assertEquals(List.of(), KalpanaConfig.commaList(Optional.empty()));
    }
}
