package io.kalpana.bridge.server.config;

/** Configuration the bridge cannot run with; the message names the variable and what is wrong. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
