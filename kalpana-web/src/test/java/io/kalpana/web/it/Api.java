package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests: real requests against the deployed Kalpana. */
final class Api {

    // HTTP/1.1 as browsers speak it to a plain-http server: the default HTTP/2 asks for an h2c upgrade on every new
    // connection, which no browser does and which the timings of the benchmarks should not carry.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Api(URL base) {
        String text = KalpanaDeployment.onLoopback(base).toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonStructure jsonValue() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        String error() {
            return json().getString("error");
        }
    }

    Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json");
    }

    Reply send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    String token(String username, String password) {
        Reply reply = post("/api/v1/tokens", null, Json.createObjectBuilder()
                .add("username", username).add("password", password).build().toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("token for " + username + ": " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("token");
    }

    void createUser(String adminToken, String username, String password, String... roles) {
        var rolesJson = Json.createArrayBuilder();
        for (String role : roles) {
            rolesJson.add(role);
        }
        Reply reply = post("/api/v1/admin/users", adminToken, Json.createObjectBuilder().add("username", username)
                .add("password", password).add("roles", rolesJson).build().toString());
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("create user " + username + ": " + reply.status() + " " + reply.body());
        }
    }

    /** Gives a person a quota of their own, as an administrator; throws unless it was set. */
    void setQuota(String adminToken, String username, int maxRunning, int maxTotal) {
        Reply reply = send("PUT", "/api/v1/admin/users/" + username + "/quota", adminToken, Json.createObjectBuilder()
                .add("maxRunning", maxRunning).add("maxTotal", maxTotal).build().toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("quota of " + username + ": " + reply.status() + " " + reply.body());
        }
    }

    /** Stops and deletes a workspace, answers unread: clean-up, where it may be stopped or gone already. */
    void removeWorkspace(String id, String token) {
        post("/api/v1/workspaces/" + id + "/stop", token, null);
        send("DELETE", "/api/v1/workspaces/" + id, token, null);
    }
}
