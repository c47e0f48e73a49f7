package io.kalpana.bridge.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.List;

/** Server identity, protocol version, optional features (capabilities) and enforced limits. */
public record HelloResult(ProtocolVersion version, String server, List<String> capabilities, BridgeLimits limits)
        implements BridgeResult {

    public HelloResult {
        capabilities = List.copyOf(capabilities);
    }

    public boolean supports(String capability) {
        return capabilities.contains(capability);
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        JsonArrayBuilder caps = json.createArrayBuilder();
        capabilities.forEach(caps::add);
        return json.createObjectBuilder()
                .add("version", version.number())
                .add("server", server)
                .add("capabilities", caps)
                .add("limits", limits.toJson(json))
                .build();
    }

    public static HelloResult fromJson(JsonObject json) {
        List<String> caps = json.containsKey("capabilities")
                ? json.getJsonArray("capabilities").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList()
                : List.of();
        return new HelloResult(new ProtocolVersion(JsonFields.optionalInt(json, "version", 1)),
                JsonFields.optionalString(json, "server", ""), caps,
                BridgeLimits.fromJson(JsonFields.optionalObject(json, "limits")));
    }
}
