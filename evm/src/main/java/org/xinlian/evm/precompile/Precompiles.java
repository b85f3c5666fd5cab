package org.xinlian.evm.precompile;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;

/**
 * The precompiled contracts of a fork, by address, and the chain's {@link SystemContract}s; all
 * warm from the start of every transaction (EIP-2929).
 */
public final class Precompiles {
  /** Gas used and output of a successful precompile call. */
  public record Result(long gasUsed, byte[] output) {}

  private final Map<Address, Precompile> contracts;
  private final Map<Address, SystemContract> systemContracts;
  /** Both maps' addresses, warmed at the start of every transaction. */
  private final Set<Address> addresses;

  private Precompiles(Map<Address, Precompile> contracts) {
    this(contracts, Map.of());
  }

  private Precompiles(Map<Address, Precompile> contracts, Map<Address, SystemContract> systemContracts) {
    this.contracts = Map.copyOf(contracts);
    this.systemContracts = Map.copyOf(systemContracts);
    Set<Address> all = new HashSet<>(contracts.keySet());
    all.addAll(systemContracts.keySet());
    this.addresses = Collections.unmodifiableSet(all);
  }

  /** Precompiles 0x01-0x0a as Cancun defines them. */
  public static Precompiles cancun() {
    Map<Address, Precompile> contracts = new HashMap<>();
    contracts.put(address(0x01), new EcRecoverPrecompile());
    contracts.put(address(0x02), new Sha256Precompile());
    contracts.put(address(0x03), new Ripemd160Precompile());
    contracts.put(address(0x04), new IdentityPrecompile());
    contracts.put(address(0x05), new ModExpPrecompile());
    contracts.put(address(0x06), new AltBn128Precompiles.Add());
    contracts.put(address(0x07), new AltBn128Precompiles.Multiply());
    contracts.put(address(0x08), new AltBn128Precompiles.Pairing());
    contracts.put(address(0x09), new Blake2fPrecompile());
    contracts.put(address(0x0a), new PointEvaluationPrecompile());
    return new Precompiles(contracts);
  }

  /**
   * Cancun's set plus the national algorithms in the reserved range 0xf000-0xffff (ADR 0003):
   * 0xf001 SM3 and 0xf002 SM2 verification. Only gm chains use it; standard chains keep exactly
   * Ethereum's set so that contracts behave as they do on Ethereum.
   */
  public static Precompiles cancunWithGm() {
    Map<Address, Precompile> contracts = new HashMap<>(cancun().contracts);
    contracts.put(Sm3Precompile.ADDRESS, new Sm3Precompile());
    contracts.put(Sm2VerifyPrecompile.ADDRESS, new Sm2VerifyPrecompile());
    return new Precompiles(contracts);
  }

  /** No precompiles, for interpreter tests that must not depend on them. */
  public static Precompiles none() {
    return new Precompiles(Map.of());
  }

  public static Address address(int number) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[Address.LENGTH - 1] = (byte) number;
    return Address.wrap(bytes);
  }

  /**
   * These contracts plus {@code contract} at {@code address}: a chain's own stateful contract
   * (docs/adr/0009), which no fork defines.
   *
   * @throws IllegalArgumentException if the address already holds a contract
   */
  public Precompiles withSystemContract(Address address, SystemContract contract) {
    if (contains(address)) {
      throw new IllegalArgumentException("precompiles: " + address + " already holds a contract");
    }
    Map<Address, SystemContract> extended = new HashMap<>(systemContracts);
    extended.put(address, Objects.requireNonNull(contract, "contract"));
    return new Precompiles(contracts, extended);
  }

  /** Whether a precompile or a system contract lives at {@code address}. */
  public boolean contains(Address address) {
    return contracts.containsKey(address) || systemContracts.containsKey(address);
  }

  /** The system contract at {@code address}, if there is one. */
  public Optional<SystemContract> systemContract(Address address) {
    return Optional.ofNullable(systemContracts.get(address));
  }

  /** Every address that holds a precompile or a system contract. */
  public Set<Address> addresses() {
    return addresses;
  }

  /** Runs the precompile; empty when the gas does not cover its price or the input is invalid. */
  public Optional<Result> run(Address address, byte[] input, long gas) {
    Precompile contract = contracts.get(address);
    long price = contract.gas(input);
    if (price < 0 || price > gas) {
      return Optional.empty();
    }
    return contract.execute(input).map(output -> new Result(price, output));
  }
}
