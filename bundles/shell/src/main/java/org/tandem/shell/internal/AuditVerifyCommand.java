package org.tandem.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditVerification;

/** {@code tandem:audit-verify}: re-computes the audit chain; fails when a record was changed or removed. */
@Service
@Command(scope = "tandem", name = "audit-verify", description = "Verifies the audit trail's hash chain",
        detailedDescription = "Re-computes the SHA-256 chain of every audit record, from the anchor of the latest"
                + " retention purge (or the first record). Prints 'verified N record(s) from anchor seq X, chain"
                + " intact' or the first record that was changed, removed or reordered (and then fails).")
public class AuditVerifyCommand implements Action {

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        AuditVerification v = audit.verify();
        if (!v.intact()) {
            throw new IllegalStateException("AUDIT CHAIN BROKEN at record " + v.firstBroken() + ": " + v.detail()
                    + " (" + v.checked() + " record(s) before it verified)");
        }
        System.out.println("Audit trail verified: " + v.detail());
        return null;
    }
}
