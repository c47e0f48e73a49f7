/**
 * JSON-P for the whole application through one provider, looked up once: Jakarta JSON's static {@code Json.create*}
 * methods search the class path for the provider on every call, which cost milliseconds on each request.
 */
package io.kalpana.json;
