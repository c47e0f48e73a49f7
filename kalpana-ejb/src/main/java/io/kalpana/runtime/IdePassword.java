package io.kalpana.runtime;

/** The code-server login password of one container run. Never printed: {@link #toString()} hides it. */
public record IdePassword(String value) {

    public static IdePassword generate() {
        return new IdePassword(RandomSecret.next());
    }

    @Override
    public String toString() {
        return "IdePassword[***]";
    }
}
