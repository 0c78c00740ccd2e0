package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;

/**
 * Indian equity charges per fill, as Zerodha's published equity rates: brokerage (delivery free; intraday 0.03 %
 * capped at ₹20), STT (delivery 0.1 % both sides; intraday 0.025 % on sells), NSE transaction charges 0.00297 %,
 * SEBI fee ₹10 per crore (0.0001 %), stamp duty on buys (delivery 0.015 %, intraday 0.003 %), and 18 % GST on
 * brokerage + transaction charges + SEBI fee. The sum is rounded to paise per fill.
 */
public record IndianEquityCharges(Product product) implements ChargesModel {

    /** Delivery (CNC) or intraday (MIS). */
    public enum Product {
        DELIVERY, INTRADAY
    }

    private static final BigDecimal INTRADAY_BROKERAGE = new BigDecimal("0.0003");
    private static final BigDecimal BROKERAGE_CAP = new BigDecimal("20");
    private static final BigDecimal STT_DELIVERY = new BigDecimal("0.001");
    private static final BigDecimal STT_INTRADAY_SELL = new BigDecimal("0.00025");
    private static final BigDecimal TRANSACTION = new BigDecimal("0.0000297");
    private static final BigDecimal SEBI = new BigDecimal("0.000001");
    private static final BigDecimal STAMP_DELIVERY_BUY = new BigDecimal("0.00015");
    private static final BigDecimal STAMP_INTRADAY_BUY = new BigDecimal("0.00003");
    private static final BigDecimal GST = new BigDecimal("0.18");

    @Override
    public BigDecimal feesFor(SignalType side, long quantity, BigDecimal price) {
        BigDecimal turnover = price.multiply(BigDecimal.valueOf(quantity));
        boolean buy = side == SignalType.BUY;
        BigDecimal brokerage = product == Product.DELIVERY ? BigDecimal.ZERO
                : turnover.multiply(INTRADAY_BROKERAGE).min(BROKERAGE_CAP);
        BigDecimal stt = turnover.multiply(product == Product.DELIVERY ? STT_DELIVERY
                : (buy ? BigDecimal.ZERO : STT_INTRADAY_SELL));
        BigDecimal transaction = turnover.multiply(TRANSACTION);
        BigDecimal sebi = turnover.multiply(SEBI);
        BigDecimal stamp = buy ? turnover.multiply(product == Product.DELIVERY ? STAMP_DELIVERY_BUY
                : STAMP_INTRADAY_BUY) : BigDecimal.ZERO;
        BigDecimal gst = brokerage.add(transaction).add(sebi).multiply(GST);
        return ChargesModel.toPaise(brokerage.add(stt).add(transaction).add(sebi).add(stamp).add(gst));
    }

    @Override
    public BigDecimal rate(SignalType side) {
        // brokerage + STT + charges + stamp + GST, generously rounded up; the exact check follows in the simulator
        return new BigDecimal("0.0025");
    }
}
