package io.kalpana.web.sso;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Optional;

/** The endpoints the provider announces in its {@code /.well-known/openid-configuration}. */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                        Optional<URI> endSessionEndpoint) {

    static ProviderMetadata of(JsonObject document) {
        return new ProviderMetadata(document.getString("issuer"),
                URI.create(document.getString("authorization_endpoint")),
                URI.create(document.getString("token_endpoint")),
                URI.create(document.getString("jwks_uri")),
                Optional.ofNullable(document.getString("end_session_endpoint", null)).map(URI::create));
    }
}
