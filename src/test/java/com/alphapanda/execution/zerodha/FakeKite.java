package com.alphapanda.execution.zerodha;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Kite Connect's REST API (v3), on loopback, speaking the documented protocol: form-encoded
 * requests, {@code X-Kite-Version: 3} and {@code Authorization: token api_key:access_token}, the
 * {@code {"status": "success", "data": ...}} / {@code {"status": "error", "message", "error_type"}} envelope, the
 * session checksum, order placement with market-protection and tag rules, order book, history, trades and
 * cancellation. Market orders fill at the fake's market price; LIMIT orders rest until the market crosses them; an
 * order above {@link #MAX_QUANTITY} is rejected by "RMS". Failures can be injected for the next placement.
 */
final class FakeKite implements AutoCloseable {

    static final String API_KEY = "fakeapikey";
    static final String API_SECRET = "fakeapisecret0123456789";
    static final String USER_ID = "ZX1234";
    static final long MAX_QUANTITY = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** What the next placement does instead of answering normally. */
    enum Fault {
        /** The order is created but the answer comes too late (the client times out). */
        ACCEPT_THEN_STALL,
        /** The order is created but the answer is a 500. */
        ACCEPT_THEN_500,
        /** Nothing is created: 429 Too many requests. */
        REFUSE_429,
        /** Nothing is created: 503 with a NetworkException. */
        REFUSE_503
    }

    /** Kite's instrument dump format, three rows and one malformed. */
    static final String INSTRUMENTS_CSV = """
            instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,\
            instrument_type,segment,exchange
            408065,1594,INFY,INFOSYS,0,,0,0.05,1,EQ,NSE,NSE
            81153,317,BAJFINANCE,BAJAJ FINANCE,0,,0,0.05,1,EQ,NSE,NSE
            2953217,11536,TCS,TATA CONSULTANCY SERV LT,0,,0,0.05,1,EQ,NSE,NSE
            not-a-token,x,BROKEN,,0,,0,0.05,1,EQ,NSE,NSE
            """;

    private static final Map<String, Long> SYMBOL_TOKENS = Map.of("RELIANCE", 738561L);
    private final Map<Long, Long> external = new LinkedHashMap<>();
    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(250_000_000_000_000L);
    private final Map<String, String> requestTokens = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, BigDecimal> market = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> placements = new ArrayList<>();
    private final List<Instant> placementTimes = new ArrayList<>();
    private final AtomicReference<String> validAccessToken = new AtomicReference<>();
    private volatile long stallMillis = 4_500;

    FakeKite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A request token Kite would hand to the redirect after a login, exchangeable once for {@code accessToken}. */
    synchronized void issueRequestToken(String requestToken, String accessToken) {
        requestTokens.put(requestToken, accessToken);
    }

    /** Makes {@code accessToken} valid (as after a login), replacing any other. */
    void acceptAccessToken(String accessToken) {
        validAccessToken.set(accessToken);
    }

    synchronized void setMarket(String symbol, BigDecimal price) {
        market.put(symbol, price);
        orders.values().stream().filter(o -> o.symbol.equals(symbol) && "OPEN".equals(o.status))
                .filter(o -> "BUY".equals(o.side) ? price.compareTo(o.price) <= 0 : price.compareTo(o.price) >= 0)
                .forEach(o -> o.fill(o.price));
    }

    void failNextPlacement(Fault fault) {
        faults.add(fault);
    }

    void stallFor(long millis) {
        stallMillis = millis;
    }

    synchronized List<Map<String, String>> placements() {
        return List.copyOf(placements);
    }

    synchronized List<Instant> placementTimes() {
        return List.copyOf(placementTimes);
    }

    synchronized long ordersWithTag(String tag) {
        return orders.values().stream().filter(o -> tag.equals(o.tag)).count();
    }

    synchronized String onlyOrderIdWithTag(String tag) {
        return orders.values().stream().filter(o -> tag.equals(o.tag)).findFirst().orElseThrow().id;
    }

    /** The postback Kite would POST for an order: its JSON with the documented checksum. */
    synchronized String postback(String orderId) {
        ObjectNode json = orders.get(orderId).json();
        json.put("user_id", USER_ID);
        json.put("checksum", sha256(orderId + json.path("order_timestamp").asString() + API_SECRET));
        return json.toString();
    }

    /** The WebSocket text frame of an order update. */
    synchronized String orderUpdateFrame(String orderId) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "order");
        frame.set("data", orders.get(orderId).json());
        return frame.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = route(exchange);
            if (reply.stallMillis > 0) {
                sleep(reply.stallMillis);
            }
            byte[] body = reply.body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.body instanceof String ? "text/csv"
                    : "application/json");
            exchange.sendResponseHeaders(reply.status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private synchronized Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Kite-Version"))) {
            return error(400, "InputException", "X-Kite-Version 3 is required");
        }
        if (method.equals("POST") && path.equals("/session/token")) {
            return session(form);
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (validAccessToken.get() == null || !("token " + API_KEY + ":" + validAccessToken.get()).equals(auth)) {
            return error(403, "TokenException", "Incorrect `api_key` or `access_token`.");
        }
        if (method.equals("GET") && path.equals("/user/profile")) {
            ObjectNode data = JSON.createObjectNode().put("user_id", USER_ID).put("user_name", "Fake Trader");
            return ok(data);
        }
        if (method.equals("GET") && path.equals("/portfolio/positions")) {
            return positions();
        }
        if (method.equals("GET") && path.equals("/instruments")) {
            return new Reply(200, INSTRUMENTS_CSV, 0);
        }
        if (method.equals("POST") && path.equals("/orders/regular")) {
            return place(form);
        }
        if (method.equals("GET") && path.equals("/orders")) {
            ArrayNode list = JSON.createArrayNode();
            orders.values().forEach(o -> list.add(o.json()));
            return ok(list);
        }
        if (method.equals("DELETE") && path.startsWith("/orders/regular/")) {
            Order order = orders.get(path.substring("/orders/regular/".length()));
            if (order == null || !"OPEN".equals(order.status)) {
                return error(400, "InputException", "Order cannot be cancelled as it is being processed.");
            }
            order.status = "CANCELLED";
            return ok(JSON.createObjectNode().put("order_id", order.id));
        }
        if (method.equals("GET") && path.startsWith("/orders/")) {
            String[] parts = path.split("/");
            Order order = orders.get(parts[2]);
            if (order == null) {
                return error(400, "InputException", "Couldn't find that `order_id`.");
            }
            return ok(parts.length > 3 && parts[3].equals("trades") ? order.trades() : order.history());
        }
        return error(404, "GeneralException", "Route not found");
    }

    /** A position taken outside the platform (e.g. by hand in Kite's app). */
    synchronized void addExternalPosition(long token, long quantity) {
        external.merge(token, quantity, Long::sum);
    }

    /** An open order placed outside the platform. */
    synchronized String placeExternalOrder() {
        Order order = new Order(Long.toString(ids.incrementAndGet()), Map.of("tradingsymbol", "RELIANCE",
                "exchange", "NSE", "transaction_type", "BUY", "order_type", "LIMIT", "quantity", "1",
                "price", "1.00", "tag", "manual"));
        orders.put(order.id, order);
        return order.id;
    }

    private Reply positions() {
        Map<Long, Long> net = new LinkedHashMap<>(external);
        orders.values().forEach(o -> net.merge(SYMBOL_TOKENS.getOrDefault(o.symbol, 0L),
                "BUY".equals(o.side) ? o.filled : -o.filled, Long::sum));
        ArrayNode day = JSON.createArrayNode();
        net.forEach((token, quantity) -> day.add(JSON.createObjectNode().put("instrument_token", token)
                .put("quantity", quantity).put("product", "CNC")));
        ObjectNode data = JSON.createObjectNode();
        data.set("day", day);
        data.set("net", day.deepCopy());
        return ok(data);
    }

    private Reply session(Map<String, String> form) {
        String requestToken = form.getOrDefault("request_token", "");
        String expected = sha256(API_KEY + requestToken + API_SECRET);
        if (!API_KEY.equals(form.get("api_key")) || !expected.equals(form.get("checksum"))) {
            return error(403, "TokenException", "Invalid `checksum`.");
        }
        String accessToken = requestTokens.remove(requestToken);
        if (accessToken == null) {
            return error(403, "TokenException", "Token is invalid or has expired.");
        }
        validAccessToken.set(accessToken);
        return ok(JSON.createObjectNode().put("user_id", USER_ID).put("user_name", "Fake Trader")
                .put("access_token", accessToken).put("public_token", "pub" + accessToken)
                .put("login_time", LocalDateTime.now(IST).format(KITE_TIME)));
    }

    private Reply place(Map<String, String> form) {
        placements.add(form);
        placementTimes.add(Instant.now());
        Fault fault = faults.poll();
        if (fault == Fault.REFUSE_429) {
            return error(429, "NetworkException", "Too many requests");
        }
        if (fault == Fault.REFUSE_503) {
            return error(503, "NetworkException", "Service unavailable");
        }
        for (String field : List.of("tradingsymbol", "exchange", "transaction_type", "order_type", "quantity",
                "product", "validity")) {
            if (!form.containsKey(field)) {
                return error(400, "InputException", "Missing `" + field + "`.");
            }
        }
        String type = form.get("order_type");
        if ((type.equals("MARKET") || type.equals("SL-M")) && "0".equals(form.getOrDefault("market_protection", "0"))) {
            return error(400, "InputException", "Market orders without market protection are not allowed.");
        }
        if (form.containsKey("tag") && !form.get("tag").matches("[A-Za-z0-9]{1,20}")) {
            return error(400, "InputException", "Invalid `tag`.");
        }
        Order order = new Order(Long.toString(ids.incrementAndGet()), form);
        orders.put(order.id, order);
        BigDecimal price = market.getOrDefault(order.symbol, new BigDecimal("100"));
        if (order.quantity > MAX_QUANTITY) {
            order.status = "REJECTED";
            order.statusMessage = "RMS:Margin Exceeds, Required:999999999, Available:1000000";
        } else if (type.equals("MARKET")) {
            order.fill(price);
        } else if (type.equals("LIMIT") && ("BUY".equals(order.side) ? price.compareTo(order.price) <= 0
                : price.compareTo(order.price) >= 0)) {
            order.fill(order.price);
        }
        Reply reply = ok(JSON.createObjectNode().put("order_id", order.id));
        if (fault == Fault.ACCEPT_THEN_500) {
            return error(500, "GeneralException", "Something went wrong");
        }
        return fault == Fault.ACCEPT_THEN_STALL ? new Reply(reply.status, reply.body, stallMillis) : reply;
    }

    private final class Order {
        final String id;
        final String symbol;
        final String exchange;
        final String side;
        final String type;
        final long quantity;
        final BigDecimal price;
        final String tag;
        final String timestamp = LocalDateTime.now(IST).format(KITE_TIME);
        final List<ObjectNode> trades = new ArrayList<>();
        String status = "OPEN";
        String statusMessage;
        long filled;
        BigDecimal average = BigDecimal.ZERO;

        Order(String id, Map<String, String> form) {
            this.id = id;
            this.symbol = form.get("tradingsymbol");
            this.exchange = form.get("exchange");
            this.side = form.get("transaction_type");
            this.type = form.get("order_type");
            this.quantity = Long.parseLong(form.get("quantity"));
            this.price = form.containsKey("price") ? new BigDecimal(form.get("price")) : BigDecimal.ZERO;
            this.tag = form.get("tag");
        }

        void fill(BigDecimal at) {
            trades.add(JSON.createObjectNode().put("trade_id", Long.toString(ids.incrementAndGet()))
                    .put("order_id", id).put("exchange", exchange).put("tradingsymbol", symbol)
                    .put("transaction_type", side).put("quantity", quantity - filled).put("average_price", at)
                    .put("fill_timestamp", LocalDateTime.now(IST).format(KITE_TIME)));
            filled = quantity;
            average = at;
            status = "COMPLETE";
        }

        ObjectNode json() {
            ObjectNode json = JSON.createObjectNode().put("order_id", id).put("status", status)
                    .put("tradingsymbol", symbol).put("exchange", exchange).put("transaction_type", side)
                    .put("order_type", type).put("quantity", quantity).put("filled_quantity", filled)
                    .put("pending_quantity", "OPEN".equals(status) ? quantity - filled : 0)
                    .put("price", price).put("average_price", average).put("order_timestamp", timestamp)
                    .put("exchange_timestamp", timestamp).put("variety", "regular");
            json.put("tag", tag);
            json.put("status_message", statusMessage);
            return json;
        }

        ArrayNode history() {
            return JSON.createArrayNode().add(json());
        }

        ArrayNode trades() {
            ArrayNode list = JSON.createArrayNode();
            trades.forEach(list::add);
            return list;
        }
    }

    private record Reply(int status, Object body, long stallMillis) {
    }

    private static Reply ok(Object data) {
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        body.set("data", (tools.jackson.databind.JsonNode) data);
        return new Reply(200, body, 0);
    }

    private static Reply error(int status, String type, String message) {
        return new Reply(status, JSON.createObjectNode().put("status", "error").put("message", message)
                .put("error_type", type), 0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.contains("=")) {
                form.put(URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
