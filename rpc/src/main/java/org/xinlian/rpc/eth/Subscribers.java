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
 * The live subscriptions of one kind, each with its parsed arguments. Publishing runs on the
 * notification thread (RPC-27) and only queues on the sinks, which never block: a subscriber
 * that cannot keep up is disconnected by its sink; one whose connection is gone is dropped on
 * the next delivery.
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

  int size() {
    return sinks.size();
  }

  /** Sends each subscriber what {@code result} makes of its arguments (empty: nothing). */
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

  /** Disconnects every subscriber: they missed notifications the executor could not take. */
  void disconnectAll(String reason) {
    sinks.keySet().forEach(sink -> sink.disconnectLagging(reason));
  }
}
