/**
 * The Java SDK (docs/spec/sdk.md): a small JSON-RPC client that signs with a {@link
 * org.xinlian.crypto.CryptoSuite} key, so the same application code runs on standard (secp256k1)
 * and gm (SM2) chains. It is a client only: it depends on common, crypto and types, never on the
 * node, so applications do not pull in the ledger. On standard chains web3j remains a fine choice.
 */
package org.xinlian.sdk;
