package com.alphapanda.execution.zerodha;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the Kite access token at rest: AES-256-GCM with a random 96-bit nonce, the API key as associated data, and
 * a key derived from the API secret (SHA-256 of a purpose label and the secret), so the database alone never reveals
 * a token and a session stored for another app does not decrypt.
 */
final class SessionCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] associatedData;

    SessionCipher(String apiKey, String apiSecret) {
        this.key = new SecretKeySpec(derive(apiSecret), "AES");
        this.associatedData = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    byte[] encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plaintext, or an {@link IllegalArgumentException} when the data was not sealed with this key. */
    String decrypt(byte[] data) {
        if (data == null || data.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("the stored session is not an encrypted token");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(data, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the stored session was encrypted with another API key or secret");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] derive(String apiSecret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("alpha-panda/zerodha-session/v1:" + apiSecret).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
