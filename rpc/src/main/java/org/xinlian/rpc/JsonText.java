package org.xinlian.rpc;

import java.util.Objects;

/**
 * A value already serialised to JSON. A subscription source that delivers the same value to many
 * subscribers (a block header, a log) serialises it once as this, and the server writes it into
 * each notification verbatim instead of serialising it per subscriber (RPC-27).
 *
 * @param json one complete JSON value, trusted as such (the source built it with Jackson)
 */
public record JsonText(String json) {
  public JsonText {
    Objects.requireNonNull(json, "json");
  }
}
