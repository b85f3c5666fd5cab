package org.xinlian.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.InvariantViolation;

class RpcLimitsTest {
  @Test
  @DisplayName("RPC-28 every limit is named and checked in the order of the record's components")
  void everyComponentIsNamedInOrder() {
    assertEquals(Arrays.stream(RpcLimits.class.getRecordComponents()).map(RecordComponent::getName).toList(),
        RpcLimits.declarationOrder());
    RpcLimits defaults = RpcLimits.defaults();
    assertEquals(defaults, defaults.toBuilder().build());
    for (String name : RpcLimits.names()) {
      // Each name reaches its own component: changing one changes only that one.
      long changed = name.equals("jsonNestingDepthMax") ? 5 : defaults.get(name) == 1 ? 2 : defaults.get(name) - 1;
      RpcLimits one = defaults.toBuilder().set(name, changed).build();
      assertEquals(changed, one.get(name), name);
      for (String other : RpcLimits.names()) {
        if (!other.equals(name)) {
          assertEquals(defaults.get(other), one.get(other), name + " changed " + other);
        }
      }
    }
  }

  @Test
  @DisplayName("RPC-28 documented defaults; an unknown name or a value out of range is refused with the range")
  void defaultsAndRefusals() {
    RpcLimits defaults = RpcLimits.defaults();
    assertEquals(50_000_000, defaults.callGasCap());
    assertEquals(5_000, defaults.callTimeoutMs());
    assertEquals(64, defaults.connectionsPerAddressMax());
    assertEquals(60_000, defaults.idleTimeoutMs());
    assertEquals(30_000, defaults.requestReadTimeoutMs());
    assertEquals(128, defaults.connectionQueueMax());
    assertEquals(10_000, defaults.logsBlockRangeMax());
    assertEquals(10_000, defaults.logsResultMax());
    assertEquals(10_000, defaults.filtersMax());
    assertEquals(100, defaults.filtersPerAddressMax());
    assertEquals(300_000, defaults.filterIdleTimeoutMs());
    assertTrue((long) defaults.connectionsPerAddressMax() * defaults.connectionQueueMax() < defaults.workerQueueMax(),
        "one address cannot fill the server's queue");
    assertTrue(defaults.filtersPerAddressMax() < defaults.filtersMax(), "one address cannot fill the filter table");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> RpcLimits.builder().set("callTimeout", 5));
    assertTrue(unknown.getMessage().startsWith("unknown limit (known: batchSizeMax, callGasCap, callTimeoutMs"),
        unknown.getMessage());
    assertEquals("must be 10 to 86400000, got 0",
        assertThrows(IllegalArgumentException.class, () -> RpcLimits.builder().set("callTimeoutMs", 0)).getMessage());
    assertEquals("must be 1 to 10000, got 10001",
        assertThrows(IllegalArgumentException.class, () -> RpcLimits.builder().set("logsBlockRangeMax", 10_001)).getMessage());
    InvariantViolation direct = assertThrows(InvariantViolation.class,
        () -> new RpcLimits(1024, 1, 1024, 3, 1, 1, 10, 10, 1, 1, 1, 1, 1, 21_000, 10, 1, 1, 1, 1, 1024,
            1, 1, 10, 1, 1, 1024, 0));
    assertEquals("notificationQueueMax must be 1 to 1000000, got 0", direct.getMessage());
  }
}
