// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Two versions of one counter, the implementations GovernedProxyTest upgrades between
/// (docs/spec/governance.md GOV-13). Both keep `count` in slot 0, so an upgrade keeps it.
contract CounterV1 {
    uint256 public count;

    function initialize(uint256 start) external {
        require(count == 0, "CounterV1: initialised");
        count = start;
    }

    function increment() external {
        count += 1;
    }

    function version() external pure returns (uint256) {
        return 1;
    }
}

contract CounterV2 {
    uint256 public count;

    function increment() external {
        count += 10;
    }

    function version() external pure returns (uint256) {
        return 2;
    }
}
