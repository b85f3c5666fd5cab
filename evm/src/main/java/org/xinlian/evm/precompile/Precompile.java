package org.xinlian.evm.precompile;

import java.util.Optional;

/** A native contract at a fixed address: a gas price for the input and a pure function of it. */
public interface Precompile {
  /** The gas this input costs; may exceed any real gas limit for absurd inputs. */
  long gas(byte[] input);

  /** The output, or empty when the input is invalid (the call then fails and uses all its gas). */
  Optional<byte[]> execute(byte[] input);
}
