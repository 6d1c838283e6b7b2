package org.tandem.shell.internal;

import java.util.stream.Collectors;

import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;

/** Console reads of victim data are audited like REST ones, before anything is printed (fails closed). */
final class ConsoleAudit {

    private ConsoleAudit() {
    }

    /** The caller's roles as audit records carry them: ids, sorted, comma-separated. */
    static String roles(Caller caller) {
        return caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }

    static void record(AuditLog audit, Caller caller, String command, String objectType, String objectId,
            String caseId, String fields, String outcome) {
        audit.record(new AuditEvent(caller.user(), caller.agencyId(), roles(caller), "console tandem:" + command, objectType,
                objectId, caseId, fields, "console", outcome));
    }
}
