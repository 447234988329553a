package org.parley.platform;

/** A thing that does not exist, or that the viewer may not know exists. Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
