package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/** The dev realm's users and clients, as the SSO tests use them. */
final class Keycloak {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String password(String user) {
        return user + "-dev-password";
    }

    /** Tokens of the password grant, which only the dev realm's command-line clients allow. */
    JsonObject tokens(String client, String user) {
        String form = "grant_type=password&scope=openid&client_id=" + client + "&username=" + user
                + "&password=" + URLEncoder.encode(password(user), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakExtension.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("password grant for " + user + " at " + client + ": "
                        + response.statusCode() + " " + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String accessToken(String user) {
        return tokens("kalpana-cli", user).getString("access_token");
    }

    static JsonObject claims(String jwt) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    static String header(String jwt) {
        return jwt.split("\\.")[0];
    }

    /**
     * A token signed with the realm's own pinned key (the private key is in the dev realm file), with the claims
     * given: how a test gets an otherwise genuine token that has expired, without waiting for it.
     */
    static String signedWithRealmKey(String header, JsonObject claims) {
        try {
            JsonObject realm;
            try (JsonReader reader = Json.createReader(Files.newBufferedReader(Path.of(System.getProperty(
                    "kalpana.test.keycloakRealm", "../server-config/keycloak/kalpana-realm.json"))))) {
                realm = reader.readObject();
            }
            String pem = realm.getJsonObject("components").getJsonArray("org.keycloak.keys.KeyProvider")
                    .getJsonObject(0).getJsonObject("config").getJsonArray("privateKey").getString(0);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            String input = header + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
