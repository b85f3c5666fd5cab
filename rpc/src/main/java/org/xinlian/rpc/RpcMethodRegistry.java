package org.xinlian.rpc;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The methods a server exposes. Built once from a list; a method whose permission is not enabled is
 * left out entirely, so callers cannot tell it from a method that does not exist.
 */
public final class RpcMethodRegistry {
  private final Map<String, RpcMethod> methods;

  /**
   * @param methods all methods the node implements; duplicate names are a wiring bug and refused
   * @param enabledPermissions permissions served; PUBLIC is always served
   */
  public RpcMethodRegistry(List<RpcMethod> methods, Set<RpcPermission> enabledPermissions) {
    EnumSet<RpcPermission> enabled = EnumSet.of(RpcPermission.PUBLIC);
    enabled.addAll(enabledPermissions);
    Map<String, RpcMethod> byName = new TreeMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (RpcMethod method : methods) {
      if (!seen.add(method.name())) {
        throw new IllegalArgumentException("two RPC methods named " + method.name());
      }
      if (enabled.contains(method.permission())) {
        byName.put(method.name(), method);
      }
    }
    this.methods = Collections.unmodifiableMap(byName);
  }

  public Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  /** Names of the enabled methods, sorted. */
  public Set<String> names() {
    return methods.keySet();
  }
}
