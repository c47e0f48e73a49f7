package io.kalpana.web.ide;

/**
 * The cookie code-server sets after a successful sign-in. Only Kalpana holds it: it is added to requests on
 * their way to code-server and never reaches a browser.
 */
public record CodeServerSession(String cookieName, String cookieValue) {

    public String asCookie() {
        return cookieName + "=" + cookieValue;
    }

    @Override
    public String toString() {
        return "CodeServerSession[" + cookieName + "=***]";
    }
}
