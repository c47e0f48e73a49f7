package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The columns the admin table may sort by, each with the document field it sorts on. A closed list, so a
 * request cannot make the database sort by (or reveal the existence of) any other field.
 */
public enum WorkspaceSortField {
    NAME("name", "nameKey"),
    OWNER("owner", "owner"),
    STATUS("status", "status"),
    TEMPLATE("template", "template"),
    CREATED("createdAt", "createdAt"),
    UPDATED("updatedAt", "updatedAt");

    private final String apiName;
    private final String documentField;

    WorkspaceSortField(String apiName, String documentField) {
        this.apiName = apiName;
        this.documentField = documentField;
    }

    public String apiName() {
        return apiName;
    }

    String documentField() {
        return documentField;
    }

    /** Accepts the API name ({@code createdAt}) in any case; anything else is a 400 naming the choices. */
    public static WorkspaceSortField parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(field -> field.apiName.equalsIgnoreCase(wanted) || field.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> KalpanaException.invalid("unknown_sort_field", "Workspaces cannot be sorted by '"
                        + shorten(wanted) + "'; use one of " + Arrays.stream(values()).map(WorkspaceSortField::apiName)
                        .collect(Collectors.joining(", "))));
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
