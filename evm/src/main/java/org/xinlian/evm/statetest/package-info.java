/**
 * The conformance runner for ethereum/tests GeneralStateTests (EVM-8, EVM-9): state roots and
 * logs hashes computed with the production trie and RLP, files run in parallel, a verdict per case.
 */
package org.xinlian.evm.statetest;
