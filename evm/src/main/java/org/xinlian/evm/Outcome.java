package org.xinlian.evm;

/** How a message ended: success keeps its state changes, revert and halt undo them. */
public enum Outcome {
  SUCCESS,
  REVERT,
  EXCEPTIONAL_HALT
}
