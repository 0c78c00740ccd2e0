package com.alphapanda.execution.zerodha;

/** A Kite login could not be completed; the message says why, for the person logging in. */
public class ZerodhaLoginException extends RuntimeException {

    private final boolean kiteUnreachable;

    public ZerodhaLoginException(String message, boolean kiteUnreachable) {
        super(message);
        this.kiteUnreachable = kiteUnreachable;
    }

    /** True when Kite did not answer (retry later); false when the input or Kite refused it. */
    public boolean kiteUnreachable() {
        return kiteUnreachable;
    }
}
