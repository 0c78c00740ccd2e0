package com.alphapanda.platform;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The replayed day of {@link ScaleOutIT}: Monday 5 January 2026, 15:21:00 to 15:29:59 IST, one tick per instrument per
 * second (plus one tick at 15:18:00, a gap the instances start in, and one after the 15:30 close that expires the
 * orders still resting and closes the day's snapshots). Four instruments follow two step paths whose moves come
 * {@link #PHASE} ticks apart, at t = 30, 180, 330, 480 s, flat between moves so that the day reads easily (an order
 * meets the ticks after its signal's tick however far ahead the venue's tick reader has run: PaperVenueCatchUpIT and
 * ReplaySpeedIT show that with prices that move on every tick).
 * <ul>
 * <li>path 1 (A 738561 from 1000, B 81153 from 1200): +6 %, +3.77 %, −2.73 %, −6.54 %;</li>
 * <li>path 2 (C 2953217 from 1400, D 1270529 from 1600): +6 %, −1.89 %, +3.85 %.</li>
 * </ul>
 * Strategies sharing instruments: {@code acc_fast} (momentum, lookback 3, 1 %: BUYs and SELLs on every move, A–D),
 * {@code acc_bracket} (momentum, lookback 4, 5 %, take-profit 3 %, stop-loss 1.5 %: three bracketed BUYs at +6 % on
 * A, B, C, exits by take-profit on A and B and by stop-loss on C at t = 180, three SELLs at −6.54 % on A and B that the
 * venue refuses for want of a position) and {@code acc_slow} (low-frequency, a BUY of 2 every 60 s on B and D). An
 * external strategy {@code acc_orders} sends its signals to {@code paper.signals.raw} itself (event time t = 45):
 * resting limit and stop orders that fill at t = 180 or 480, a stop-limit that triggers at t = 330 and rests, a limit
 * that never fills (both expire at the close) and an IOC that fails at once.
 */
final class ScaleOutDay {

    static final int PHASE = 150;
    static final long A = 738561;
    static final long B = 81153;
    static final long C = 2953217;
    static final long D = 1270529;
    static final OffsetDateTime START = OffsetDateTime.parse("2026-01-05T15:21:00+05:30");
    private static final int SECONDS = 540;
    private static final int ORDERS_AT = 45;
    private static final String STRATEGIES = """
            - strategy_name: acc_fast
              strategy_type: momentum
              instrument_tokens: [738561, 81153, 2953217, 1270529]
              parameters: { lookback_periods: 3, threshold: 0.01, position_size: 10 }
            - strategy_name: acc_bracket
              strategy_type: momentum
              instrument_tokens: [738561, 81153, 2953217]
              parameters: { lookback_periods: 4, threshold: 0.05, position_size: 6, take_profit_pct: 0.03,
                            stop_loss_pct: 0.015 }
            - strategy_name: acc_slow
              strategy_type: low_frequency_demo
              instrument_tokens: [81153, 1270529]
              parameters: { min_interval_seconds: 60, side: buy, quantity: 2 }
            """;

    private ScaleOutDay() {
    }

    /** The price of {@code token} at second {@code t} of the day. */
    static BigDecimal price(long token, int t) {
        boolean firstPath = token == A || token == B;
        long base = token == A ? 1000 : token == B ? 1200 : token == C ? 1400 : 1600;
        String[] factors = firstPath ? new String[] {"1", "1.06", "1.10", "1.07", "1.00"}
                : new String[] {"1", "1.06", "1.04", "1.08", "1.08"};
        int phase = t < 30 ? 0 : 1 + Math.min(3, (t - 30) / PHASE);
        return BigDecimal.valueOf(base).multiply(new BigDecimal(factors[phase])).setScale(2);
    }

    static Path writeTicks(Path file) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,instrument_token,last_price"));
        long[] tokens = {A, B, C, D};
        for (long token : tokens) {
            lines.add(START.minusMinutes(3) + "," + token + "," + price(token, 0).toPlainString());
        }
        for (int t = 0; t < SECONDS; t++) {
            for (long token : tokens) {
                lines.add(START.plusSeconds(t) + "," + token + "," + price(token, t).toPlainString());
            }
        }
        for (long token : tokens) {
            lines.add(START.plusSeconds(SECONDS + 1) + "," + token + "," + price(token, SECONDS).toPlainString());
        }
        return Files.write(file, lines);
    }

    static int ticksInFile() {
        return 4 * (SECONDS + 2);
    }

    static Path writeStrategies(Path file) throws Exception {
        return Files.writeString(file, STRATEGIES);
    }

    /** The external strategy's signals, encoded once so that every run gets the same bytes (and event ids). */
    static List<ProducerRecord<String, byte[]>> externalSignals() {
        EventCodec codec = new EventCodec();
        String topic = Topics.signalsRaw(Broker.PAPER).name();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (TradingSignal signal : List.of(
                signal(A, SignalType.BUY, 5, instruction(OrderType.LIMIT, TimeInForce.DAY, "1030", null)),
                signal(A, SignalType.BUY, 4, instruction(OrderType.STOP, TimeInForce.DAY, null, "1080")),
                signal(B, SignalType.BUY, 10, null),
                signal(B, SignalType.SELL, 10, instruction(OrderType.LIMIT, TimeInForce.DAY, "1300", null)),
                signal(C, SignalType.BUY, 8, null),
                signal(C, SignalType.SELL, 8, instruction(OrderType.STOP, TimeInForce.DAY, null, "1470")),
                signal(D, SignalType.BUY, 3, instruction(OrderType.STOP_LIMIT, TimeInForce.DAY, "1705", "1700")),
                signal(D, SignalType.BUY, 7, instruction(OrderType.LIMIT, TimeInForce.DAY, "1650", null)),
                signal(D, SignalType.BUY, 1, instruction(OrderType.LIMIT, TimeInForce.IOC, "1600", null)))) {
            var envelope = Envelopes.root(Topics.signalsRaw(Broker.PAPER), signal, "acc_orders");
            records.add(new ProducerRecord<>(topic, envelope.key(), codec.encode(envelope)));
        }
        return records;
    }

    static void publish(String bootstrap, List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    private static TradingSignal signal(long token, SignalType side, long quantity, OrderInstruction instruction) {
        return new TradingSignal(StrategyId.of("acc_orders"), InstrumentToken.of(token), side, Quantity.of(quantity),
                Price.of(price(token, ORDERS_AT)), START.plusSeconds(ORDERS_AT).toInstant(), new BigDecimal("0.5"),
                instruction, "acceptance: an external strategy's " + side + " order");
    }

    private static OrderInstruction instruction(OrderType type, TimeInForce tif, String limit, String stop) {
        return new OrderInstruction(type, tif, limit == null ? null : Price.of(limit),
                stop == null ? null : Price.of(stop), null);
    }
}
