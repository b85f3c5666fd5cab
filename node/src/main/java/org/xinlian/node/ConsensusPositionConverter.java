package org.xinlian.node;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import org.xinlian.node.consensus.ConsensusLogContext;

/**
 * {@code %consensusPosition}: {@code " [height=5 round=0]"} on a line logged where consensus
 * set its position (the MDC of the consensus and execution threads, OPS-53), nothing elsewhere.
 */
final class ConsensusPositionConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    String height = mdc.get(ConsensusLogContext.HEIGHT);
    if (height == null) {
      return "";
    }
    return " [height=" + height + " round=" + mdc.getOrDefault(ConsensusLogContext.ROUND, "?") + "]";
  }
}
