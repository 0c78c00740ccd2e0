package com.alphapanda.execution.zerodha;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code state} of an API login: the issue time and an HMAC-SHA256 of it under the API secret, valid for 15
 * minutes. Kite echoes it back to the callback, so a request token obtained for somebody else's login (login CSRF) is
 * refused. Stateless, so any instance can verify what another issued.
 */
final class LoginState {

    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final SecretKeySpec key;
    private final Clock clock;

    LoginState(String apiSecret, Clock clock) {
        this.key = new SecretKeySpec(("alpha-panda/zerodha-login-state/v1:" + apiSecret)
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    String issue() {
        long at = clock.instant().getEpochSecond();
        return at + "." + mac(at);
    }

    boolean verify(String state) {
        if (state == null || !state.matches("\\d{1,12}\\.[0-9a-f]{64}")) {
            return false;
        }
        long at = Long.parseLong(state.substring(0, state.indexOf('.')));
        long age = clock.instant().getEpochSecond() - at;
        return age >= 0 && age <= VALIDITY.toSeconds() && MessageDigest.isEqual(
                mac(at).getBytes(StandardCharsets.US_ASCII),
                state.substring(state.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(long at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(Long.toString(at).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
