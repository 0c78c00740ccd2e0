/**
 * The risk manager: pure rules judging each raw signal against the strategy's real exposure, and the broker's
 * trading state (ACTIVE / HALTED / REDUCING) with its operator control. See {@code docs/risk.md}.
 */
package com.alphapanda.risk;
