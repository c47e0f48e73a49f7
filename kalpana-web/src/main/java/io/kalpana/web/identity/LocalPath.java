package io.kalpana.web.identity;

/** A page to return to after sign-in: only a path inside Kalpana, so no sign-in can bounce anyone to another site. */
public final class LocalPath {

    private LocalPath() {
    }

    public static String orHome(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(KalpanaAuthenticationMechanism.LOGIN_PAGE)) {
            return "/";
        }
        return next;
    }
}
