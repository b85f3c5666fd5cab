package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;
import org.xinlian.crypto.Ripemd160;

/**
 * BIP-32's own test vectors 1 and 2 (bitcoin/bips, bip-0032.mediawiki, "Test Vectors"): for each
 * chain the published ext prv and ext pub are decoded and compared field by field with our key at
 * that path: depth, child number, parent fingerprint, chain code, private key and compressed
 * public key (CRYPTO-29).
 */
class Bip32VectorsTest {
  /** One chain of a vector: the path and the two serialized keys the BIP lists for it. */
  private record Chain(String path, String extendedPublic, String extendedPrivate) {}

  private static final int XPRV_VERSION = 0x0488ADE4;
  private static final int XPUB_VERSION = 0x0488B21E;

  // BIP-32 test vector 1.
  private static final String SEED_1 = "000102030405060708090a0b0c0d0e0f";
  private static final List<Chain> VECTOR_1 = List.of(
      new Chain("m",
          "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
          "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"),
      new Chain("m/0'",
          "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw",
          "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"),
      new Chain("m/0'/1",
          "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ",
          "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"),
      new Chain("m/0'/1/2'",
          "xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5",
          "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"),
      new Chain("m/0'/1/2'/2",
          "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV",
          "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"),
      new Chain("m/0'/1/2'/2/1000000000",
          "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy",
          "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"));

  // BIP-32 test vector 2.
  private static final String SEED_2 =
      "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542";
  private static final List<Chain> VECTOR_2 = List.of(
      new Chain("m",
          "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB",
          "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"),
      new Chain("m/0",
          "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH",
          "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt"),
      new Chain("m/0/2147483647'",
          "xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a",
          "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9"),
      new Chain("m/0/2147483647'/1",
          "xpub6DF8uhdarytz3FWdA8TvFSvvAh8dP3283MY7p2V4SeE2wyWmG5mg5EwVvmdMVCQcoNJxGoWaU9DCWh89LojfZ537wTfunKau47EL2dhHKon",
          "xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef"),
      new Chain("m/0/2147483647'/1/2147483646'",
          "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL",
          "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc"),
      new Chain("m/0/2147483647'/1/2147483646'/2",
          "xpub6FnCn6nSzZAw5Tw7cgR9bi15UV96gLZhjDstkXXxvCLsUXBGXPdSnLFbdpq8p9HmGsApME5hQTZ3emM2rnY5agb9rXpVGyy3bdW6EEgAtqt",
          "xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j"));

  @Test
  @DisplayName("CRYPTO-29: BIP-32 test vector 1")
  void testVectorOne() {
    int checked = check(SEED_1, VECTOR_1);
    System.out.println("BIP-32 test vector 1: " + checked + " chains, " + checked + " right");
  }

  @Test
  @DisplayName("CRYPTO-29: BIP-32 test vector 2")
  void testVectorTwo() {
    int checked = check(SEED_2, VECTOR_2);
    System.out.println("BIP-32 test vector 2: " + checked + " chains, " + checked + " right");
  }

  private static int check(String seedHex, List<Chain> chains) {
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(Hex.decode(seedHex));
    int checked = 0;
    for (Chain chain : chains) {
      DerivationPath path = DerivationPath.parse(chain.path());
      ExtendedPrivateKey key = master.derive(path);
      Base58Check.ExtendedKey xprv = Base58Check.ExtendedKey.parse(chain.extendedPrivate());
      Base58Check.ExtendedKey xpub = Base58Check.ExtendedKey.parse(chain.extendedPublic());
      assertEquals(XPRV_VERSION, xprv.version(), chain.path());
      assertEquals(XPUB_VERSION, xpub.version(), chain.path());
      assertEquals(xprv.depth(), key.depth(), chain.path() + " depth");
      assertEquals(xprv.childNumber(), key.childNumber(), chain.path() + " child number");
      assertEquals(
          Hex.encodeBare(xprv.chainCode()), Hex.encodeBare(key.chainCode()), chain.path() + " chain code");
      assertEquals(
          Hex.encodeBare(xprv.privateKey()),
          Hex.encodeBare(key.privateKey().bytes()),
          chain.path() + " private key");
      assertEquals(
          Hex.encodeBare(xpub.keyData()),
          Hex.encodeBare(key.compressedPublicKey()),
          chain.path() + " public key");
      assertArrayEquals(xpub.chainCode(), xprv.chainCode(), chain.path());
      assertArrayEquals(
          xprv.parentFingerprint(), parentFingerprint(master, path), chain.path() + " fingerprint");
      checked++;
    }
    return checked;
  }

  /** The first 4 bytes of HASH160 of the parent's compressed key; zero for the master key. */
  private static byte[] parentFingerprint(ExtendedPrivateKey master, DerivationPath path) {
    int[] childNumbers = path.childNumbers();
    if (childNumbers.length == 0) {
      return new byte[4];
    }
    DerivationPath parentPath = DerivationPath.master();
    for (int i = 0; i < childNumbers.length - 1; i++) {
      parentPath = parentPath.child(childNumbers[i]);
    }
    byte[] parentKey = master.derive(parentPath).compressedPublicKey();
    return Arrays.copyOf(Ripemd160.hash(Base58Check.sha256(parentKey)), 4);
  }
}
