package com.alphapanda.marketfeed;

/** Receives KiteTicker's text frames (order updates {@code {"type":"order",...}}, errors, messages). */
public interface KiteTextFrames {

    void onText(String frame);
}
