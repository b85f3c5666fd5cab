package org.xinlian.network;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * The application handshake that runs over a fresh TLS 1.3 connection (docs/adr/0008): each side
 * sends HELLO with a fresh nonce, then AUTH with its node certificate and a node-key signature over
 * a transcript that binds both TLS certificates and both nonces, then ACCEPTED once it verified the
 * other's AUTH; a side is connected only when it has both verified and been accepted. Why both certificates: a node
 * certificate proof cannot then be replayed on another TLS connection, because the other
 * connection has another certificate pair or other nonces; why nonces: a recorded AUTH is useless
 * on a new connection between the same two nodes.
 */
final class NodeHandshake {
  static final int VERSION = 1;
  static final int NONCE_BYTES = 32;
  static final int HELLO = 1;
  static final int AUTH = 2;
  static final int ACCEPTED = 3;
  static final int HELLO_BYTES = 2 + NONCE_BYTES;
  /** Node certificates of both suites are below 1 KiB; this leaves room for longer names. */
  static final int NODE_CERTIFICATE_BYTES_MAX = 4096;
  /** gm signatures are 128 bytes (r, s, public key), standard ones 65. */
  static final int SIGNATURE_BYTES_MAX = 256;

  private static final byte[] DOMAIN = "xinlian-p2p-node-auth-v1".getBytes(StandardCharsets.US_ASCII);

  private NodeHandshake() {}

  record Hello(byte[] nonce) {}

  record Auth(byte[] certificate, byte[] signature) {}

  /** The message type of a control payload. */
  static int type(byte[] payload) {
    if (payload.length == 0) {
      throw new DecodingException("handshake.type", "empty control message");
    }
    return payload[0] & 0xff;
  }

  static byte[] encodeHello(byte[] nonce) {
    ByteBuffer out = ByteBuffer.allocate(HELLO_BYTES);
    out.put((byte) HELLO).put((byte) VERSION).put(nonce);
    return out.array();
  }

  static Hello decodeHello(byte[] payload) {
    if (type(payload) != HELLO) {
      throw new DecodingException("hello.type", "expected " + HELLO + ", got " + type(payload));
    }
    if (payload.length != HELLO_BYTES) {
      throw new DecodingException("hello", "must be " + HELLO_BYTES + " bytes, got " + payload.length);
    }
    if ((payload[1] & 0xff) != VERSION) {
      throw new DecodingException("hello.version", "unsupported version " + (payload[1] & 0xff));
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(payload, 2, nonce, 0, NONCE_BYTES);
    return new Hello(nonce);
  }

  static byte[] encodeAuth(Auth auth) {
    ByteBuffer out = ByteBuffer.allocate(1 + 2 + auth.certificate().length + 2 + auth.signature().length);
    out.put((byte) AUTH);
    out.putShort((short) auth.certificate().length).put(auth.certificate());
    out.putShort((short) auth.signature().length).put(auth.signature());
    return out.array();
  }

  static Auth decodeAuth(byte[] payload) {
    if (type(payload) != AUTH) {
      throw new DecodingException("auth.type", "expected " + AUTH + ", got " + type(payload));
    }
    ByteBuffer in = ByteBuffer.wrap(payload, 1, payload.length - 1);
    byte[] certificate = lengthPrefixed(in, "auth.certificate", NODE_CERTIFICATE_BYTES_MAX);
    byte[] signature = lengthPrefixed(in, "auth.signature", SIGNATURE_BYTES_MAX);
    if (in.hasRemaining()) {
      throw new DecodingException("auth", in.remaining() + " bytes after the signature");
    }
    return new Auth(certificate, signature);
  }

  private static byte[] lengthPrefixed(ByteBuffer in, String field, int bytesMax) {
    if (in.remaining() < 2) {
      throw new DecodingException(field, "truncated length");
    }
    int length = in.getShort() & 0xffff;
    if (length == 0 || length > bytesMax) {
      throw new DecodingException(field, "length " + length + " outside [1, " + bytesMax + "]");
    }
    if (in.remaining() < length) {
      throw new DecodingException(field, "truncated: " + in.remaining() + " of " + length + " bytes");
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  /** The last handshake message: the sender verified the receiver's AUTH. */
  static byte[] encodeAccepted() {
    return new byte[] {(byte) ACCEPTED};
  }

  static void decodeAccepted(byte[] payload) {
    if (type(payload) != ACCEPTED) {
      throw new DecodingException("accepted.type", "expected " + ACCEPTED + ", got " + type(payload));
    }
    if (payload.length != 1) {
      throw new DecodingException("accepted", "must be 1 byte, got " + payload.length);
    }
  }

  /**
   * The bytes the signer's node key signs (through the suite hash): domain, the signer's role,
   * the signer's and the verifier's TLS certificates, the signer's and the verifier's nonces.
   */
  static byte[] transcript(
      boolean signerDialed,
      byte[] signerTlsCertificate,
      byte[] verifierTlsCertificate,
      byte[] signerNonce,
      byte[] verifierNonce) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DOMAIN);
    out.write(signerDialed ? 0 : 1);
    writeLengthPrefixed(out, signerTlsCertificate);
    writeLengthPrefixed(out, verifierTlsCertificate);
    out.writeBytes(signerNonce);
    out.writeBytes(verifierNonce);
    return out.toByteArray();
  }

  private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] value) {
    out.write(value.length >>> 24);
    out.write(value.length >>> 16);
    out.write(value.length >>> 8);
    out.write(value.length);
    out.writeBytes(value);
  }

  /** This node's AUTH for a transcript. */
  static Auth authenticate(NodeCredentials credentials, byte[] transcript) {
    CryptoSuite suite = credentials.suite();
    Signature signature = credentials.nodeKey().sign(suite.hash(transcript));
    try {
      return new Auth(credentials.nodeCertificate().getEncoded(), suite.encodeSignature(signature));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("node certificate cannot be encoded", e);
    }
  }

  /**
   * Checks a peer's AUTH against the consortium CA, the clock, the allowed set, the transcript and
   * the revoked set; returns the peer's node id. A revoked id is refused as {@code REVOKED} (not
   * {@code NOT_ALLOWED}, whatever the allowed set) and only after its signature verified, so the
   * reason names a proven identity and a dialer pauses only for the node really revoked.
   */
  static NodeId verify(NodeCredentials local, Auth auth, byte[] transcript, long nowMillis,
      Set<NodeId> allowed, Set<NodeId> revoked) throws HandshakeRefusal {
    CryptoSuite suite = local.suite();
    X509Certificate certificate;
    PublicKey key;
    try {
      certificate = suite.certificateFromPem(pem(auth.certificate()));
      key = suite.certificatePublicKey(certificate);
    } catch (RuntimeException e) {
      throw new HandshakeRefusal(RefusalReason.NODE_INVALID,
          "node certificate unreadable on the " + suite.name() + " suite: " + e.getMessage());
    }
    if (!issuedByAnAuthority(suite, certificate, local.consortiumAuthorities())) {
      throw new HandshakeRefusal(RefusalReason.NODE_UNKNOWN_ISSUER,
          "node certificate '" + certificate.getSubjectX500Principal() + "' issued by '"
              + certificate.getIssuerX500Principal() + "' is not signed by "
              + authorityNames(local.consortiumAuthorities()));
    }
    if (nowMillis > certificate.getNotAfter().getTime()) {
      throw new HandshakeRefusal(RefusalReason.NODE_EXPIRED,
          "node certificate '" + certificate.getSubjectX500Principal() + "' valid until "
              + certificate.getNotAfter().toInstant());
    }
    if (nowMillis < certificate.getNotBefore().getTime()) {
      throw new HandshakeRefusal(RefusalReason.NODE_NOT_YET_VALID,
          "node certificate '" + certificate.getSubjectX500Principal() + "' valid from "
              + certificate.getNotBefore().toInstant());
    }
    if (certificate.getBasicConstraints() != -1) {
      throw new HandshakeRefusal(RefusalReason.NODE_INVALID, "node certificate is a CA certificate");
    }
    if (local.revocations().nodeRevoked(certificate)) {
      throw new HandshakeRefusal(RefusalReason.NODE_REVOKED, "node certificate '"
          + certificate.getSubjectX500Principal() + "' serial " + certificate.getSerialNumber()
          + " is revoked by '" + certificate.getIssuerX500Principal() + "'");
    }
    NodeId peer = NodeId.of(suite, key);
    if (peer.equals(local.nodeId())) {
      throw new HandshakeRefusal(RefusalReason.SELF_CONNECTION, "the peer is this node " + peer);
    }
    boolean isRevoked = revoked.contains(peer);
    if (!isRevoked && !allowed.isEmpty() && !allowed.contains(peer)) {
      throw new HandshakeRefusal(RefusalReason.NOT_ALLOWED,
          "node " + peer + " ('" + certificate.getSubjectX500Principal() + "') is not allowed");
    }
    boolean valid;
    try {
      valid = suite.verify(key, suite.hash(transcript), suite.decodeSignature(auth.signature()));
    } catch (RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new HandshakeRefusal(RefusalReason.INVALID_PROOF,
          "node " + peer + " did not sign this handshake with its certified key");
    }
    if (isRevoked) {
      throw new HandshakeRefusal(RefusalReason.REVOKED,
          "node " + peer + " ('" + certificate.getSubjectX500Principal() + "') is revoked");
    }
    return peer;
  }

  /**
   * Whether one of the consortium's CAs (one per organisation) with the certificate's issuer name
   * signed it; a name alone proves nothing, so the signature is what counts.
   */
  private static boolean issuedByAnAuthority(CryptoSuite suite, X509Certificate certificate,
      List<X509Certificate> authorities) {
    for (X509Certificate authority : authorities) {
      if (certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())
          && suite.verifyCertificateSignature(certificate, suite.certificatePublicKey(authority))) {
        return true;
      }
    }
    return false;
  }

  /** The CAs named for a refusal: the one of a single-CA consortium, or how many there are. */
  static String authorityNames(List<X509Certificate> authorities) {
    return authorities.size() == 1
        ? "the consortium CA '" + authorities.get(0).getSubjectX500Principal() + "'"
        : "any of the " + authorities.size() + " consortium CAs";
  }

  private static String pem(byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }
}
