package org.xinlian.rpc.eth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.Subscription;
import org.xinlian.rpc.SubscriptionSink;
import org.xinlian.rpc.SubscriptionSource;

/**
 * The live subscriptions of one kind, each with its parsed arguments. Delivery only queues on the
 * sink (which never blocks), so publishing from the committing thread costs no I/O; a sink whose
 * connection is gone is dropped on the next delivery.
 *
 * @param <A> the parsed subscription arguments (the logs filter), or Void
 */
final class Subscribers<A> implements SubscriptionSource {
  private final String kind;
  private final Function<RpcParams, A> parser;
  private final Map<SubscriptionSink, Optional<A>> sinks = new ConcurrentHashMap<>();

  Subscribers(String kind, Function<RpcParams, A> parser) {
    this.kind = kind;
    this.parser = parser;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Subscription start(RpcParams params, SubscriptionSink sink) {
    A arguments = parser.apply(params);
    sinks.put(sink, Optional.ofNullable(arguments));
    return () -> sinks.remove(sink);
  }

  boolean isEmpty() {
    return sinks.isEmpty();
  }

  /** Sends each subscriber what {@code result} makes of its arguments (null: nothing). */
  void publish(Function<A, Iterable<?>> result) {
    sinks.forEach((sink, arguments) -> {
      for (Object item : result.apply(arguments.orElse(null))) {
        if (!sink.emit(item)) {
          sinks.remove(sink);
          return;
        }
      }
    });
  }
}
