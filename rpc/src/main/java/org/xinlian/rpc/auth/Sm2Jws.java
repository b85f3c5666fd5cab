package org.xinlian.rpc.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * The {@code SM2SM3} JWS algorithm of gm chains (OPS-3; not registered with IANA): the signature is
 * the chain suite's SM2 signature (default user id) over the SM3 hash of the JWS signing input
 * {@code base64url(header) "." base64url(payload)}, in the suite's encoding {@code r || s || x ||
 * y} (128 bytes), base64url as any JWS signature. The same signing the chain uses for
 * transactions, so an organisation's SM2 key or HSM signs tokens unchanged.
 */
final class Sm2Jws {
  static final JWSAlgorithm ALGORITHM = new JWSAlgorithm("SM2SM3", com.nimbusds.jose.Requirement.OPTIONAL);

  private Sm2Jws() {}

  static final class Signer implements JWSSigner {
    private final CryptoSuite suite;
    private final PrivateKey key;
    private final JCAContext jca = new JCAContext();

    Signer(CryptoSuite suite, PrivateKey key) {
      this.suite = suite;
      this.key = key;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      if (!ALGORITHM.equals(header.getAlgorithm())) {
        throw new JOSEException("SM2 signer: header alg must be " + ALGORITHM);
      }
      Signature signature = suite.sign(key, suite.hash(signingInput));
      return Base64URL.encode(suite.encodeSignature(signature));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(ALGORITHM);
    }

    @Override
    public JCAContext getJCAContext() {
      return jca;
    }
  }

  static final class Verifier implements JWSVerifier {
    private final CryptoSuite suite;
    private final PublicKey key;
    private final JCAContext jca = new JCAContext();

    Verifier(CryptoSuite suite, PublicKey key) {
      this.suite = suite;
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
      if (!ALGORITHM.equals(header.getAlgorithm())) {
        return false;
      }
      try {
        return suite.verify(key, suite.hash(signingInput), suite.decodeSignature(signature.decode()));
      } catch (RuntimeException e) {
        // A malformed signature (wrong length, point off the curve) is a bad signature.
        return false;
      }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(ALGORITHM);
    }

    @Override
    public JCAContext getJCAContext() {
      return jca;
    }
  }
}
