package org.tandem.adapter.rms.internal.route;

import org.tandem.adapter.rms.internal.niem.RejectedDocumentException;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;

/** Human-readable reasons for rejected reports (the .reason files and the dead-letter store). */
final class Reasons {

    private Reasons() {
    }

    static boolean permanent(Throwable e) {
        return e instanceof RejectedDocumentException || e instanceof ValidationException;
    }

    /** One line for logs and the dead-letter store. */
    static String summary(Throwable e) {
        if (e instanceof ValidationException v) {
            return "invalid report: " + v.errors().size() + " problem(s), first: " + v.errors().get(0).field() + ": "
                    + v.errors().get(0).message();
        }
        if (e instanceof RejectedDocumentException r) {
            return "rejected report (" + r.kind() + "): " + r.getMessage();
        }
        return "could not be stored (" + e.getClass().getSimpleName() + "): " + e.getMessage();
    }

    /** Every problem, one per line. */
    static String detail(Throwable e) {
        StringBuilder out = new StringBuilder(summary(e)).append('\n');
        if (e instanceof ValidationException v) {
            for (FieldError f : v.errors()) {
                out.append("  ").append(f.field()).append(": ").append(f.message()).append('\n');
            }
        }
        if (!permanent(e)) {
            out.append("This is not a problem of the report: move it back into the inbox to retry.\n");
        }
        return out.toString();
    }
}
