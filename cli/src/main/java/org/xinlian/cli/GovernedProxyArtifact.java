package org.xinlian.cli;

import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;

/**
 * The creation code of contracts/GovernedProxy.sol (GOV-13), compiled once by
 * interop-erc20/compile-governed.mjs with the pinned solc and embedded as a resource, since the
 * CLI cannot run solc: GovernedProxyTest recompiles the source and requires the same bytes.
 */
final class GovernedProxyArtifact {
  static final String RESOURCE = "GovernedProxy.json";
  private static final TupleType<Tuple> CONSTRUCTOR = TupleType.parse("(address,bytes)");

  private GovernedProxyArtifact() {}

  /** The resource's fields: compiler, settings and {@code bytecode}. */
  static JsonNode resource() {
    try (InputStream in = GovernedProxyArtifact.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CLI jar lacks its resource " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] creationCode() {
    return Hex.decode("bytecode", resource().get("bytecode").asText());
  }

  /** Creation code followed by the ABI-encoded constructor arguments (implementation, initData). */
  static byte[] initCode(Address implementation, byte[] initData) {
    byte[] code = creationCode();
    byte[] arguments = CONSTRUCTOR.encode(Tuple.from(ProposalFields.abi(implementation), initData)).array();
    byte[] all = java.util.Arrays.copyOf(code, code.length + arguments.length);
    System.arraycopy(arguments, 0, all, code.length, arguments.length);
    return all;
  }
}
