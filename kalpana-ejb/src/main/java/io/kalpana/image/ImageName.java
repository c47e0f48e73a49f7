package io.kalpana.image;

import io.kalpana.problem.KalpanaException;

import java.util.regex.Pattern;

/** What Kalpana calls an image: a short lowercase name, part of the admin API's paths, unique across images. */
public record ImageName(String value) {

    public static final int MAX_LENGTH = 63;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public ImageName {
        if (value == null || value.isBlank()) {
            throw KalpanaException.invalid("invalid_image_name", "Give the image a name");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_image_name", "An image name has at most " + MAX_LENGTH
                    + " characters");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw KalpanaException.invalid("invalid_image_name", "The image name '" + value + "' may only hold"
                    + " lowercase letters, digits, '.', '_' and '-', and starts with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
