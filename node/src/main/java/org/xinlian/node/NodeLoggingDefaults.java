package org.xinlian.node;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration before a node installs its own (every other command, tests): INFO on
 * standard error in the node's text format. Without it Logback would print DEBUG to standard
 * output, mixing Netty's chatter into command output. Found by Logback through
 * META-INF/services; it outranks logback.xml files, which Xinlian does not use (docs/adr/0018).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class NodeLoggingDefaults extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    NodeLogging.configure(context, LoggingConfig.defaults());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
