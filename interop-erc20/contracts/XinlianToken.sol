// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// The ERC-20 of the real-client scenario: OpenZeppelin's audited token, so that what is tested is
/// the chain and its JSON-RPC, not a hand-written token.
contract XinlianToken is ERC20 {
    constructor(uint256 initialSupply) ERC20("Xinlian Token", "XLT") {
        _mint(msg.sender, initialSupply);
    }

    /// Reverts with Error(string), the encoding tools decode into a readable reason
    /// (ERC20's own failures use custom errors, which decode differently).
    function failWith() external pure {
        require(false, "xinlian: failing on purpose");
    }
}
