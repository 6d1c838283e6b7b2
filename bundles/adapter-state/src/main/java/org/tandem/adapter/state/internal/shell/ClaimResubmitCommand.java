package org.tandem.adapter.state.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.adapter.state.internal.claims.ClaimRoutes;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.integration.DeadLetterRepository;

/** {@code tandem:claim-resubmit <claim id>}: queues a DEAD compensation claim again (attempts reset). */
@Service
@Command(scope = "tandem", name = "claim-resubmit",
        description = "Queue a DEAD compensation claim again; the claim sender picks it up on its next poll")
public class ClaimResubmitCommand implements Action {

    @Reference
    private ClaimRepository claims;

    @Reference
    private DeadLetterRepository deadLetters;

    @Argument(index = 0, name = "claimId", description = "Id of the claim (see tandem:dead-letters)", required = true)
    private String claimId;

    @Override
    public Object execute() {
        Claim claim = claims.find(claimId).orElse(null);
        if (claim == null) {
            return "No claim " + claimId;
        }
        if (claim.status() != ClaimStatus.DEAD) {
            return "Claim " + claimId + " is " + claim.status() + ", not DEAD: nothing to resubmit";
        }
        Instant now = Instant.now();
        if (!claims.resubmit(claimId, now)) {
            return "Claim " + claimId + " changed meanwhile; not resubmitted";
        }
        int resolved = deadLetters.resolve(ClaimRoutes.SEND, claimId, now);
        return "Claim " + claimId + " queued again (" + resolved + " dead letter(s) resolved)";
    }
}
