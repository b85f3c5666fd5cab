package org.xinlian.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.rpc.auth.RpcAuthConfig;
import org.xinlian.rpc.auth.RpcPermissions;
import org.xinlian.rpc.auth.RpcTokens;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian rpc token}: a signed JSON-RPC token (OPS-12). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print a JSON-RPC token: a JWT with iat, exp, permissions and optionally sub.",
      "",
      "Signed HS256 with --hs256-secret-file, or with --key: ES256 for a P-256 key, SM2SM3 for an "
          + "SM2 key (gm chains). Clients send it as `Authorization: Bearer <token>`.",
      "",
      "Permissions as Besu writes them: eth:*, net:version, eth_sendRawTransaction, *:*; a leading ! "
          + "takes a method away (*:*,!eth_sendRawTransaction). The node refuses tokens that live "
          + "longer than its rpc.auth.tokenLifetimeSecondsMax (default 1 day)."
    })
final class RpcTokenCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

  private final CliEnvironment environment;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Signer signer;

  static final class Signer {
    @Option(names = "--hs256-secret-file", paramLabel = "FILE", description = "Sign HS256 with this secret (hex).")
    Path secretFile;

    @Option(names = "--key", paramLabel = "FILE", description = "Sign with this PKCS#8 PEM key: P-256 (ES256) or SM2 (SM2SM3).")
    Path keyFile;
  }

  @Option(names = "--permissions", required = true, paramLabel = "LIST",
      description = "Comma-separated: eth:*,net:*,xinlian:* or method names.")
  String permissions;

  @Option(names = "--expires-in", defaultValue = "1h", paramLabel = "DURATION",
      description = "Lifetime: 90s, 30m, 12h, 7d (default 1h).")
  String expiresIn;

  @Option(names = "--subject", paramLabel = "SUB",
      description = "The token's sub: the account (0x...) whose governance role limits it, or a name.")
  String subject;

  RpcTokenCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    RpcPermissions granted;
    try {
      granted = RpcPermissions.parse(permissions);
    } catch (DecodingException e) {
      throw new UserException("--permissions: " + e.getMessage());
    }
    if (granted.patterns().isEmpty()) {
      throw new UserException("--permissions: at least one permission");
    }
    Duration lifetime = duration(expiresIn);
    Instant now = Instant.ofEpochMilli(environment.clock().currentTimeMillis());
    RpcTokens.Claims claims = new RpcTokens.Claims(granted, Optional.ofNullable(subject), now, now.plus(lifetime));
    environment.out().println(sign(claims));
    return 0;
  }

  private String sign(RpcTokens.Claims claims) {
    if (signer.secretFile != null) {
      String text = RpcCommand.readSmall(environment.resolve(signer.secretFile)).trim();
      byte[] secret;
      try {
        secret = HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
      } catch (IllegalArgumentException e) {
        throw new UserException(signer.secretFile + ": not a hex secret (make one with `xinlian rpc secret`)");
      }
      if (secret.length < RpcAuthConfig.HS256_SECRET_BYTES_MIN) {
        throw new UserException(signer.secretFile + ": " + secret.length + " bytes; an HS256 secret has at least "
            + RpcAuthConfig.HS256_SECRET_BYTES_MIN);
      }
      return RpcTokens.hs256(secret, claims);
    }
    String pem = RpcCommand.readSmall(environment.resolve(signer.keyFile));
    try {
      return RpcTokens.es256(CryptoSuites.transport().privateKeyFromPem(pem), claims);
    } catch (IllegalArgumentException notP256) {
      CryptoSuite gm = CryptoSuites.gm();
      try {
        return RpcTokens.sm2(gm, gm.privateKeyFromPem(pem), claims);
      } catch (IllegalArgumentException notSm2) {
        throw new UserException(signer.keyFile + ": neither a P-256 nor an SM2 PKCS#8 PEM private key");
      }
    }
  }

  static Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new UserException("--expires-in: a number and a unit (s, m, h, d), like 30m or 7d, not " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration = switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
    if (duration.isZero() || duration.getSeconds() > RpcAuthConfig.TOKEN_LIFETIME_SECONDS_MAX) {
      throw new UserException("--expires-in: 1 s to " + RpcAuthConfig.TOKEN_LIFETIME_SECONDS_MAX / 86_400 + " days");
    }
    return duration;
  }
}
