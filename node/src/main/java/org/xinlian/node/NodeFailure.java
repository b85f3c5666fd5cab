package org.xinlian.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.xinlian.storage.StorageException;

/**
 * Why a node stopped writing (docs/spec/node.md NODE-17).
 *
 * @param component what failed: {@code "block production"} or {@code "consensus"}
 * @param cause the exception it failed with
 */
public record NodeFailure(String component, Throwable cause) {
  /** Exit status after a storage fault, as sysexits' EX_IOERR: a supervisor restarts the node. */
  public static final int EXIT_STORAGE_FAULT = 74;
  /** Exit status after any other failure, as sysexits' EX_SOFTWARE. */
  public static final int EXIT_OTHER_FAILURE = 70;

  public NodeFailure {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(cause, "cause");
  }

  /** Whether a write to the disk failed somewhere along the cause chain (a full disk, an I/O error). */
  public boolean storageFault() {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof StorageException || t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The exit status the node's process ends with. */
  public int exitStatus() {
    return storageFault() ? EXIT_STORAGE_FAULT : EXIT_OTHER_FAILURE;
  }

  /** One line for logs, RPC refusals and {@code /health}: what failed and the deepest message. */
  public String summary() {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return component + " failed" + (storageFault() ? " (storage fault)" : "") + ": " + detail;
  }
}
