package org.xinlian.rpc.auth;

import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.Role;

/**
 * The governance roles an account holds now (GOV-8 to GOV-10), read by the node from its head
 * state, so a token's grant can be limited by what its subject's role allows (OPS-9).
 */
@FunctionalInterface
public interface SubjectRoles {
  Set<Role> rolesOf(Address subject);
}
