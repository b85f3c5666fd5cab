package org.xinlian.sdk;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;

/**
 * The transaction-like object of {@code eth_call} and {@code eth_estimateGas}. {@code from}
 * matters for calls that read {@code msg.sender} and for estimates that move value; {@code to}
 * is empty to simulate a deployment.
 */
public record CallRequest(
    Optional<Address> from, Optional<Address> to, BigInteger value, byte[] data, OptionalLong gas) {
  public CallRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gas, "gas");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("value: negative");
    }
    data = data.clone();
  }

  /** A read of contract {@code to} with call data {@code data}, no sender, no value. */
  public static CallRequest to(Address to, byte[] data) {
    return new CallRequest(Optional.empty(), Optional.of(to), BigInteger.ZERO, data, OptionalLong.empty());
  }

  /** The same request made by {@code sender}. */
  public CallRequest from(Address sender) {
    return new CallRequest(Optional.of(sender), to, value, data, gas);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
