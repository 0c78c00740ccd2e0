package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Checksums, the 06:00 IST expiry, the session cipher and the login state. */
class KiteSessionPiecesTest {

    @Test
    void sessionChecksumIsTheSha256HexOfKeyRequestTokenAndSecret() {
        // sha256("mykey" + "reqtoken123" + "mysecret"), computed with sha256sum
        assertThat(KiteChecksums.session("mykey", "reqtoken123", "mysecret"))
                .isEqualTo("1b8f4ca2ec08cd59e29c1dfa3373cc224e7d492d399b50526da30e9fb829ebab");
    }

    @Test
    void postbackChecksumIsTheSha256HexOfOrderIdTimestampAndSecret() {
        assertThat(KiteChecksums.postback("2511", "2026-11-27 10:00:00", "s"))
                .isEqualTo(KiteChecksums.sha256Hex("25112026-11-27 10:00:00s"));
        assertThat(KiteChecksums.matches(KiteChecksums.postback("1", "t", "s"), "nope")).isFalse();
    }

    @Test
    void aSessionExpiresAtTheNextSixOClockInKolkata() {
        // 10:00 IST on the 27th -> 06:00 IST on the 28th (00:30 UTC)
        assertThat(KiteSessionExpiry.after(Instant.parse("2026-11-27T04:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T00:30:00Z"));
        // 05:00 IST -> 06:00 IST the same day
        assertThat(KiteSessionExpiry.after(Instant.parse("2026-11-26T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T00:30:00Z"));
        // exactly 06:00 IST -> the next day's 06:00
        assertThat(KiteSessionExpiry.after(Instant.parse("2026-11-27T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T00:30:00Z"));
    }

    @Test
    void theStoredTokenIsEncryptedAndOnlyTheSameKeyAndSecretDecryptIt() {
        SessionCipher cipher = new SessionCipher("key1", "secret1");
        byte[] sealed = cipher.encrypt("accesstoken123456");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("accesstoken123456");
        assertThat(cipher.decrypt(sealed)).isEqualTo("accesstoken123456");
        assertThat(cipher.encrypt("accesstoken123456")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> new SessionCipher("key1", "secret2").decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another API key or secret");
        assertThatThrownBy(() -> new SessionCipher("key2", "secret1").decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoginStateIsValidForFifteenMinutesAndCannotBeForged() {
        Instant issued = Instant.parse("2026-11-27T04:00:00Z");
        String state = new LoginState("secret", Clock.fixed(issued, ZoneOffset.UTC)).issue();

        assertThat(new LoginState("secret", Clock.fixed(issued.plusSeconds(899), ZoneOffset.UTC)).verify(state))
                .isTrue();
        assertThat(new LoginState("secret", Clock.fixed(issued.plusSeconds(901), ZoneOffset.UTC)).verify(state))
                .isFalse();
        assertThat(new LoginState("other", Clock.fixed(issued, ZoneOffset.UTC)).verify(state)).isFalse();
        assertThat(new LoginState("secret", Clock.fixed(issued, ZoneOffset.UTC)).verify("1764216000." + "0".repeat(64)))
                .isFalse();
        assertThat(new LoginState("secret", Clock.fixed(issued, ZoneOffset.UTC)).verify(null)).isFalse();
    }

    @Test
    void aRequestTokenIsTakenAsGivenOrFromTheRedirectUrl() {
        assertThat(ZerodhaLogin.requestToken(" abcDEF123 ")).isEqualTo("abcDEF123");
        assertThat(ZerodhaLogin.requestToken(
                "https://example.com/cb?action=login&type=login&status=success&request_token=Xy12345678"))
                .isEqualTo("Xy12345678");
        assertThatThrownBy(() -> ZerodhaLogin.requestToken("https://example.com/cb?status=success"))
                .isInstanceOf(ZerodhaLoginException.class).hasMessageContaining("request token");
        assertThatThrownBy(() -> ZerodhaLogin.requestToken("bad token!"))
                .isInstanceOf(ZerodhaLoginException.class);
    }
}
