package io.kalpana.web.problem;

import io.kalpana.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one error body of Kalpana's API: {@code {"error": "<code>", "message": "<human text>"}}. */
public final class ErrorJson {

    private ErrorJson() {
    }

    public static JsonObject of(String code, String message) {
        return JsonFactory.object().add("error", code).add("message", message).build();
    }

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(of(code, message).toString());
    }
}
