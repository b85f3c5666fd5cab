package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;
import org.xinlian.common.Hex;

/**
 * web3j (MnemonicUtils, Bip32ECKeyPair) is an independent implementation of BIP-39 and BIP-32: on
 * random input both must give the same words, seeds, keys and chain codes.
 */
class HdWeb3jProperties {
  @Provide
  Arbitrary<int[]> paths() {
    Arbitrary<Integer> normal = Arbitraries.integers().between(0, Integer.MAX_VALUE)
        .edgeCases(edges -> edges.includeOnly(0, Integer.MAX_VALUE));
    Arbitrary<Integer> childNumber =
        Arbitraries.oneOf(normal, normal.map(DerivationPath::hardened));
    return childNumber.array(int[].class).ofMinSize(0).ofMaxSize(6);
  }

  @Provide
  Arbitrary<byte[]> seeds() {
    return Arbitraries.bytes().array(byte[].class)
        .ofMinSize(ExtendedPrivateKey.SEED_BYTES_MIN)
        .ofMaxSize(ExtendedPrivateKey.SEED_BYTES_MAX);
  }

  @Property(tries = 150)
  @Label("CRYPTO-29: random seeds and paths derive web3j's keys")
  void randomSeedsAndPathsDeriveWeb3jsKeys(
      @ForAll("seeds") byte[] seed, @ForAll("paths") int[] childNumbers) {
    DerivationPath path = DerivationPath.master();
    for (int childNumber : childNumbers) {
      path = path.child(childNumber);
    }
    ExtendedPrivateKey ours = ExtendedPrivateKey.fromSeed(seed).derive(path);
    Bip32ECKeyPair theirs =
        Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed), childNumbers);
    assertEquals(
        Hex.encodeBare(Numeric.toBytesPadded(theirs.getPrivateKey(), 32)),
        Hex.encodeBare(ours.privateKey().bytes()),
        path.toString());
    assertEquals(Hex.encodeBare(theirs.getChainCode()), Hex.encodeBare(ours.chainCode()), path.toString());
    assertEquals(
        Hex.encodeBare(Numeric.toBytesPadded(theirs.getPublicKey(), 64)),
        Hex.encodeBare(ours.keyPair().publicKey().bytes()),
        path.toString());
    // Parsing the text form gives back the same path.
    assertEquals(path, DerivationPath.parse(path.toString()));
  }

  @Property(tries = 60)
  @Label("CRYPTO-27, CRYPTO-28: random entropy gives web3j's words and seed")
  void randomEntropyGivesWeb3jsWordsAndSeed(
      @ForAll @IntRange(min = 4, max = 8) int words32, @ForAll @Size(32) byte[] randomBytes,
      @ForAll @Size(max = 12) String passphrase) {
    byte[] entropy = java.util.Arrays.copyOf(randomBytes, words32 * 4);
    String theirPhrase = MnemonicUtils.generateMnemonic(entropy);
    Mnemonic ours = Mnemonic.fromEntropy(entropy);
    assertEquals(theirPhrase, ours.phrase());
    assertEquals(ours, Mnemonic.parse(theirPhrase));
    String normalized = java.text.Normalizer.normalize(passphrase, java.text.Normalizer.Form.NFKD);
    if (hasUnpairedSurrogate(normalized)) {
      return; // refused by seed(); MnemonicTest checks the refusal
    }
    // web3j hashes the passphrase as given; BIP-39 hashes its NFKD form.
    assertEquals(
        Hex.encodeBare(MnemonicUtils.generateSeed(theirPhrase, normalized)),
        Hex.encodeBare(ours.seed(passphrase)));
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
