package org.tandem.api;

/** The caller is authenticated but their role does not allow the action (HTTP 403). */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
