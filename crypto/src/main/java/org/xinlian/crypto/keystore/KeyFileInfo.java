package org.xinlian.crypto.keystore;

import java.util.Optional;
import org.xinlian.common.Address;

/**
 * What a key file tells without its password, for listing keys and choosing one.
 *
 * @param suite {@code standard} or {@code gm}
 * @param address the address the file claims; Web3 Secret Storage makes it optional (the
 *     definition's own test vectors omit it), and it is only verified by {@link KeyFile#decrypt}
 */
public record KeyFileInfo(String suite, Optional<Address> address) {}
