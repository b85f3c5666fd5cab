package org.xinlian.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;

class ValidatorSetTest {
  private static Address address(int last) {
    byte[] bytes = new byte[20];
    bytes[19] = (byte) last;
    bytes[0] = (byte) (last * 37);
    return Address.wrap(bytes);
  }

  private static List<Address> addresses(int count) {
    List<Address> list = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      list.add(address(i));
    }
    return list;
  }

  @Test
  @DisplayName("CONSENSUS-2: four equal validators need three for a quorum and two for a weak quorum")
  void quorumsOfFour() {
    ValidatorSet set = ValidatorSet.equalPower(addresses(4));
    assertEquals(4, set.totalPower());
    assertEquals(3, set.quorumPower());
    assertFalse(set.isQuorum(2));
    assertTrue(set.isQuorum(3));
    assertFalse(set.isWeakQuorum(1));
    assertTrue(set.isWeakQuorum(2));
  }

  @Test
  @DisplayName("CONSENSUS-2: seven equal validators need five for a quorum and three for a weak quorum")
  void quorumsOfSeven() {
    ValidatorSet set = ValidatorSet.equalPower(addresses(7));
    assertEquals(5, set.quorumPower());
    assertFalse(set.isQuorum(4));
    assertTrue(set.isQuorum(5));
    assertFalse(set.isWeakQuorum(2));
    assertTrue(set.isWeakQuorum(3));
  }

  @Test
  @DisplayName("CONSENSUS-2: power, not heads, decides: a validator with more than two thirds is a quorum alone")
  void weightedQuorum() {
    ValidatorSet set = ValidatorSet.of(List.of(new Validator(address(1), 7),
        new Validator(address(2), 1), new Validator(address(3), 2)));
    assertEquals(10, set.totalPower());
    assertTrue(set.isQuorum(set.powerOf(address(1))));
    assertFalse(set.isQuorum(set.powerOf(address(2)) + set.powerOf(address(3))));
    assertEquals(0, set.powerOf(address(9)));
  }

  @Test
  @DisplayName("CONSENSUS-2: the set's order is canonical whatever order it was given in")
  void canonicalOrder() {
    List<Address> forward = addresses(7);
    List<Address> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);
    ValidatorSet a = ValidatorSet.equalPower(forward);
    ValidatorSet b = ValidatorSet.equalPower(backward);
    assertEquals(a, b);
    for (int i = 1; i < a.size(); i++) {
      assertTrue(a.validators().get(i - 1).address().compareTo(a.validators().get(i).address()) < 0);
    }
  }

  @Test
  @DisplayName("CONSENSUS-4: proposers rotate with height and round; every validator proposes once in n turns")
  void proposersRotateWithHeightAndRound() {
    ValidatorSet set = ValidatorSet.equalPower(addresses(4));
    Set<Address> seen = new HashSet<>();
    for (long height = 10; height < 14; height++) {
      seen.add(set.proposer(height, 0));
    }
    assertEquals(4, seen.size());
    assertEquals(set.proposer(11, 0), set.proposer(10, 1));
    assertEquals(set.proposer(10, 0), set.proposer(10, 4));
    assertEquals(set.validators().get(1).address(), set.proposer(1, 0));
  }

  @Test
  @DisplayName("CONSENSUS-2: empty, duplicate, oversized sets and out-of-range powers are refused")
  void badSetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ValidatorSet.of(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ValidatorSet.equalPower(List.of(address(1), address(2), address(1))));
    assertThrows(IllegalArgumentException.class,
        () -> ValidatorSet.equalPower(addresses(ValidatorSet.VALIDATORS_MAX + 1)));
    assertThrows(IllegalArgumentException.class, () -> new Validator(address(1), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Validator(address(1), ValidatorSet.VOTING_POWER_MAX + 1));
  }
}
