package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kite login against the local fake Kite server, with the session stored in a real PostgreSQL. */
class ZerodhaLoginTest {

    private static ZerodhaTestDatabase db;
    private FakeKite kite;
    private ZerodhaProperties properties;

    @BeforeAll
    static void startDatabase() {
        db = new ZerodhaTestDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        db.close();
    }

    @BeforeEach
    void startKite() throws IOException {
        kite = new FakeKite();
        db.clearZerodha();
        properties = ZerodhaFixture.properties(kite.url(), null);
    }

    @AfterEach
    void stopKite() {
        kite.close();
    }

    private ZerodhaLogin login(Clock clock) {
        KiteHttp http = new KiteHttp(ZerodhaFixture.HTTP, kite.url(), FakeKite.API_KEY, properties.requestTimeout());
        return new ZerodhaLogin(properties, http, new KiteSessions(properties, db.jdbc, clock),
                new LoginState(FakeKite.API_SECRET, clock));
    }

    @Test
    void aRequestTokenIsExchangedWithItsChecksumAndTheSessionIsStoredEncrypted() {
        kite.issueRequestToken("reqtok12345", "acctok987654321");
        Instant now = Instant.parse("2026-11-27T04:30:00Z");

        ZerodhaLogin.Session session = login(Clock.fixed(now, ZoneOffset.UTC))
                .complete("https://my.app/cb?action=login&status=success&request_token=reqtok12345");

        assertThat(session.userId()).isEqualTo(FakeKite.USER_ID);
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-28T00:30:00Z"));
        byte[] stored = db.jdbc.sql("SELECT access_token FROM zerodha_sessions").query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("acctok987654321");
        assertThat(new KiteSessions(properties, db.jdbc, Clock.fixed(now, ZoneOffset.UTC)).state())
                .isEqualTo(new SessionState.Active(FakeKite.USER_ID, "acctok987654321", session.expiresAt()));
        assertThat(login(Clock.fixed(now, ZoneOffset.UTC)).status().toString()).doesNotContain("acctok987654321");
    }

    @Test
    void aRequestTokenKiteDoesNotKnowIsRefusedWithKitesReason() {
        assertThatThrownBy(() -> login(Clock.systemUTC()).complete("unknowntoken1"))
                .isInstanceOf(ZerodhaLoginException.class)
                .hasMessageContaining("Kite refused").hasMessageContaining("Token is invalid or has expired");
        assertThat(login(Clock.systemUTC()).status().active()).isFalse();
    }

    @Test
    void anExpiredSessionIsRefusedWithAClearMessage() {
        kite.issueRequestToken("reqtok12345", "acctok987654321");
        Instant loggedIn = Instant.parse("2026-11-27T04:30:00Z");
        login(Clock.fixed(loggedIn, ZoneOffset.UTC)).complete("reqtok12345");

        Clock afterExpiry = Clock.fixed(Instant.parse("2026-11-28T00:30:00Z"), ZoneOffset.UTC);
        SessionState state = new KiteSessions(properties, db.jdbc, afterExpiry).state();

        assertThat(state).isInstanceOfSatisfying(SessionState.Unavailable.class, u -> assertThat(u.reason())
                .contains("expired at 2026-11-28T00:30:00Z (06:00 IST)").contains("zerodha login"));
    }

    @Test
    void aTokenKiteRefusesLaterMakesTheSessionUnusableUntilTheNextLogin() {
        kite.issueRequestToken("reqtok12345", "acctok987654321");
        login(Clock.systemUTC()).complete("reqtok12345");
        KiteSessions sessions = new KiteSessions(properties, db.jdbc, Clock.systemUTC());

        sessions.invalidate("acctok987654321", "TokenException: Incorrect `api_key` or `access_token`.");

        assertThat(sessions.state()).isInstanceOfSatisfying(SessionState.Unavailable.class,
                u -> assertThat(u.reason()).contains("Kite refused the access token"));
        kite.issueRequestToken("reqtok99999", "acctok111111111");
        login(Clock.systemUTC()).complete("reqtok99999");
        assertThat(sessions.state()).isInstanceOf(SessionState.Active.class);
    }

    @Test
    void anAccessTokenGivenDirectlyIsCheckedWithKiteBeforeItIsStored() {
        kite.acceptAccessToken("directtoken123");

        assertThat(login(Clock.systemUTC()).acceptAccessToken("directtoken123").userId()).isEqualTo(FakeKite.USER_ID);
        assertThatThrownBy(() -> login(Clock.systemUTC()).acceptAccessToken("wrongtoken123"))
                .isInstanceOf(ZerodhaLoginException.class).hasMessageContaining("TOKEN, HTTP 403");
    }

    @Test
    void theCallbackNeedsTheStateOfALoginThisPlatformStarted() {
        kite.issueRequestToken("reqtok12345", "acctok987654321");
        ZerodhaLogin login = login(Clock.systemUTC());
        String url = login.loginUrlWithState().toString();
        String state = java.net.URLDecoder.decode(url.substring(url.indexOf("redirect_params=") + 16),
                java.nio.charset.StandardCharsets.UTF_8).substring("state=".length());

        assertThat(url).startsWith("https://kite.zerodha.com/connect/login?v=3&api_key=" + FakeKite.API_KEY);
        assertThatThrownBy(() -> login.completeCallback("reqtok12345", "123.abc"))
                .isInstanceOf(ZerodhaLoginException.class).hasMessageContaining("state");
        assertThat(login.completeCallback("reqtok12345", state).userId()).isEqualTo(FakeKite.USER_ID);
    }
}
