/**
 * Hierarchical deterministic keys for the standard suite: BIP-39 mnemonics and seeds, BIP-32
 * derivation on secp256k1, and the development accounts that anvil and Hardhat fund
 * (docs/spec/crypto.md, CRYPTO-27 to CRYPTO-31).
 *
 * <p>Why here and not in a wallet: {@code xinlian dev} must fund exactly the accounts that
 * tutorials, ethers.js and Foundry scripts expect, so the derivation is part of the platform and is
 * checked against the BIP test vectors and web3j. Why no BouncyCastle: the public key of a node in
 * the tree comes from the standard suite through the {@code CryptoSuite} API, and the rest is HMAC,
 * PBKDF2 and integer arithmetic from the JDK.
 */
package org.xinlian.crypto.hd;
