package org.xinlian.types.rlp;

/**
 * A decoded RLP value of unknown shape: a byte string or a list. Typed decoders use {@link
 * RlpReader} instead, which reads fields in place without building a tree.
 */
public sealed interface RlpItem permits RlpString, RlpList {}
