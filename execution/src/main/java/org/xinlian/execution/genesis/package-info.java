/** Genesis: the chain's starting file, state and block (docs/spec/genesis.md). */
package org.xinlian.execution.genesis;
