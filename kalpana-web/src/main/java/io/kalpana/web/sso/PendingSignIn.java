package io.kalpana.web.sso;

import java.io.Serializable;

/**
 * What Kalpana remembers in the browser's session between sending someone to the provider and their return:
 * the state (so a forged return is refused), the nonce (so a replayed ID token is refused), the PKCE verifier,
 * and the page they wanted.
 */
record PendingSignIn(String state, String nonce, String codeVerifier, String next) implements Serializable {
}
