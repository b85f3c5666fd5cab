/**
 * The conformance runner for ethereum/tests GeneralStateTests (EVM-10, EVM-11): state roots and
 * logs hashes computed with the production trie and RLP, files run in parallel, a verdict per case.
 */
package org.xinlian.evm.statetest;
